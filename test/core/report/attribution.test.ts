/** One citation label for every surface (reports, panel, hovers, Show Evidence). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attribution } from '../../../src/core/report/sections';

test('citation labels: one author, two joined with "and", three or more as "First et al."', () => {
  assert.equal(attribution({ authors: ['Microsoft'], year: 2020 }), 'Microsoft (2020)');
  assert.equal(attribution({ authors: ['Dileepkumar S R', 'Juby Mathew'], year: 2025 }), 'Dileepkumar S R and Juby Mathew (2025)');
  assert.equal(attribution({ authors: ['Dominik Kreuzberger', 'Niklas Kühl', 'Sebastian Hirschl'], year: 2023 }), 'Dominik Kreuzberger et al. (2023)');
  assert.equal(attribution({ authors: [], year: 2017 }), '(2017)');
});
