import type { Fixture } from './store-fixture.js';
export type StoreResults = Record<string, unknown>;
export function benchStore(
  _f: Fixture,
  _o: { quick: boolean; ab: boolean },
  _log: (l: string) => void,
): Promise<StoreResults> {
  throw new Error('todo');
}
