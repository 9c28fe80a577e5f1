import type { Fixture } from './store-fixture.js';
export type StartupResults = Record<string, unknown>;
export function benchStartup(
  _f: Fixture,
  _o: { quick: boolean },
  _log: (l: string) => void,
): Promise<StartupResults> {
  throw new Error('todo');
}
