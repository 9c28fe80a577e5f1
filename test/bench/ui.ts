import type { Fixture } from './store-fixture.js';
export type UiResults = Record<string, unknown>;
export function benchUi(
  _f: Fixture,
  _o: { quick: boolean; ab: boolean },
  _log: (l: string) => void,
): Promise<UiResults> {
  throw new Error('todo');
}
