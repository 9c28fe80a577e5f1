import os from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started: above the core count, figures are pessimistic. */
  loadAtStart: number;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAtStart: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}

export function loadNow(): number {
  return Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
}

export interface LoadSummary {
  section: string;
  samples: number;
  min: number;
  median: number;
  max: number;
}

/**
 * Samples the 1-minute load average every few seconds, per benchmark section: the machine may be
 * shared, and the figures only mean something next to how busy it was.
 */
export class LoadSampler {
  private current = 'start';
  private readonly samples = new Map<string, number[]>();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 5000) {
    this.take();
    this.timer = setInterval(() => this.take(), intervalMs);
    this.timer.unref();
  }

  section(name: string): void {
    this.current = name;
    this.take();
  }

  /** Stops sampling; answers the load now. */
  stop(): number {
    clearInterval(this.timer);
    return loadNow();
  }

  summary(): LoadSummary[] {
    return [...this.samples].map(([section, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return {
        section,
        samples: values.length,
        min: sorted[0] ?? NaN,
        median: sorted[Math.floor(sorted.length / 2)] ?? NaN,
        max: sorted.at(-1) ?? NaN,
      };
    });
  }

  private take(): void {
    const list = this.samples.get(this.current) ?? [];
    list.push(loadNow());
    this.samples.set(this.current, list);
  }
}
