/** The CI gates of a configuration, judged on a report: which passed, and why one failed. */
import type { Gates } from '../config/config';
import type { GateResult, Report } from '../model/report';

export function evaluateGates(report: Report, gates: Gates): GateResult {
  const failures: GateResult['failures'] = [];
  if (gates.failUnder !== undefined) {
    const floor = gates.failUnder === 'target' ? report.level.target : gates.failUnder;
    if (report.level.current < floor) {
      failures.push({
        gate: 'failUnder',
        message: `level ${report.level.current} is below ${gates.failUnder === 'target' ? `the target level ${floor} for the ${report.stage.id} stage` : `level ${floor}`}`,
      });
    }
  }
  for (const [id, minimum] of Object.entries(gates.dimensions ?? {})) {
    const dimension = report.dimensionDetails.find((d) => d.id === id);
    if (dimension && dimension.score < minimum) {
      failures.push({ gate: `dimensions.${id}`, message: `${dimension.title} scores ${dimension.score}, below ${minimum}` });
    }
  }
  return { passed: failures.length === 0, failures };
}
