import type { Database } from 'better-sqlite3';
import { ApiCallRepository } from './api-call-repository.js';
import { AutoReplyRepository } from './autoreply-repository.js';
import { CaptureRepository } from './capture-repository.js';
import { DashlyAdminRepository } from './dashly-admin-repository.js';
import { EndpointRepository } from './endpoint-repository.js';
import { openDatabase, type OpenDatabaseOptions } from './database.js';
import { MessageRepository } from './message-repository.js';
import { ReplayRepository } from './replay-repository.js';
import { SettingsRepository } from './settings-repository.js';
import { TemplateRepository } from './template-repository.js';
import { TranscriptRepository } from './transcript-repository.js';

/** The SQLite store: the single source of truth for everything recorded. */
export class Store {
  readonly messages: MessageRepository;
  readonly captures: CaptureRepository;
  readonly settings: SettingsRepository;
  readonly apiCalls: ApiCallRepository;
  readonly dashlyAdmins: DashlyAdminRepository;
  readonly autoreplies: AutoReplyRepository;
  readonly endpoints: EndpointRepository;
  readonly templates: TemplateRepository;
  readonly transcripts: TranscriptRepository;
  readonly replays: ReplayRepository;

  private constructor(readonly db: Database) {
    this.messages = new MessageRepository(db);
    this.captures = new CaptureRepository(db, this.messages);
    this.settings = new SettingsRepository(db);
    this.apiCalls = new ApiCallRepository(db);
    this.dashlyAdmins = new DashlyAdminRepository(db);
    this.autoreplies = new AutoReplyRepository(db);
    this.endpoints = new EndpointRepository(db);
    this.templates = new TemplateRepository(db);
    this.transcripts = new TranscriptRepository(db);
    this.replays = new ReplayRepository(db);
  }

  static open(dataDir: string, options: OpenDatabaseOptions = {}): Store {
    return new Store(openDatabase(dataDir, options));
  }

  /** Bytes the stored data occupies: used pages (free pages are reused, the file does not shrink). */
  usedBytes(): number {
    const pageSize = this.db.pragma('page_size', { simple: true }) as number;
    const pages = this.db.pragma('page_count', { simple: true }) as number;
    const free = this.db.pragma('freelist_count', { simple: true }) as number;
    return (pages - free) * pageSize;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    if (!this.db.open) return;
    try {
      this.captures.fts.close();
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.close();
    }
  }
}
