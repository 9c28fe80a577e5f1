export interface Fixture {
  dir: string;
  captures: number;
  maxId: number;
}
export function ensureFixture(_n: number, _log: (l: string) => void): Promise<Fixture> {
  throw new Error('todo');
}
