import type { IngestRun } from './ingest.js';
import type { MachineInfo } from './machine.js';
import type { StartupResults } from './startup.js';
import type { StoreResults } from './store.js';
import type { UiResults } from './ui.js';
export interface Report {
  date: string;
  machine: MachineInfo;
  quick: boolean;
  captures: number;
  loadAtEnd: number;
  ingest?: { runs: IngestRun[] };
  store?: StoreResults;
  startup?: StartupResults;
  ui?: UiResults;
}
export function renderReport(report: Report): string {
  return JSON.stringify(report, null, 2);
}
