import type { Database, Statement } from 'better-sqlite3';

/** A Chat Transcript API answer as received, with when it was fetched. */
export interface StoredTranscript {
  chatId: string;
  url: string;
  fetchedAt: number;
  /** The response body text, exactly as Kindly sent it. */
  raw: string;
}

interface TranscriptRow {
  chat_id: string;
  url: string;
  fetched_at: number;
  raw: string;
}

/** Cache of Kindly chat transcripts, one row per chat (the latest fetch wins). */
export class TranscriptRepository {
  private readonly getStmt: Statement<[string], TranscriptRow>;
  private readonly putStmt: Statement;

  constructor(db: Database) {
    this.getStmt = db.prepare('SELECT * FROM kindly_transcripts WHERE chat_id = ?');
    this.putStmt = db.prepare(`
      INSERT INTO kindly_transcripts (chat_id, url, fetched_at, raw) VALUES (@chatId, @url, @fetchedAt, @raw)
      ON CONFLICT (chat_id) DO UPDATE SET url = excluded.url, fetched_at = excluded.fetched_at, raw = excluded.raw`);
  }

  get(chatId: string): StoredTranscript | null {
    const row = this.getStmt.get(chatId);
    return row ? { chatId: row.chat_id, url: row.url, fetchedAt: row.fetched_at, raw: row.raw } : null;
  }

  put(transcript: StoredTranscript): void {
    this.putStmt.run(transcript);
  }
}
