/**
 * CloudFormation's short-form intrinsic functions (`!Ref X`, `!GetAtt A.Arn`, `!Sub ...`)
 * as YAML custom tags, read into their long form (`{Ref: X}`, `{'Fn::GetAtt': [A, Arn]}`)
 * so templates and SAM files keep their meaning instead of losing the function name.
 */
import { Pair, Scalar, YAMLMap, type CollectionTag, type ScalarTag } from 'yaml';

const FUNCTIONS = [
  'Ref', 'Condition', 'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select',
  'Split', 'Sub', 'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'ToJsonString', 'Length',
];

function longName(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/** `{Fn::X: node}` as a YAML map, so lines of what it holds can still be found. */
function wrapped(name: string, node: unknown): YAMLMap {
  const map = new YAMLMap();
  map.add(new Pair(new Scalar(longName(name)), node));
  return map;
}

export const CLOUDFORMATION_TAGS: (ScalarTag | CollectionTag)[] = FUNCTIONS.flatMap((name): (ScalarTag | CollectionTag)[] => [
  {
    tag: `!${name}`,
    // `!GetAtt Resource.Attribute` is the short form of a two-item list.
    resolve: (value: string) => ({ [longName(name)]: name === 'GetAtt' ? value.split('.') : value }),
  },
  { tag: `!${name}`, collection: 'seq', resolve: (seq) => wrapped(name, seq) },
  { tag: `!${name}`, collection: 'map', resolve: (map) => wrapped(name, map) },
]);
