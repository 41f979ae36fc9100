import { appendFileSync } from 'node:fs';

/** One line of the event stream the operations dashboard reads. */
export interface HmsEvent {
  readonly ts: string;
  readonly event: string;
  readonly stack?: string;
  readonly blueprint: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/**
 * Structured events, one JSON object per line, appended to a file, written to
 * stdout (`-`), or dropped. Every step of an apply emits one.
 */
export class EventLog {
  constructor(
    private readonly blueprint: string,
    private readonly target: string | undefined,
    private readonly stdout: (line: string) => void,
  ) {}

  emit(event: string, stack?: string, detail?: Record<string, unknown>): void {
    if (!this.target) return;
    const line = JSON.stringify({ ts: new Date().toISOString(), event, stack, blueprint: this.blueprint, detail } satisfies HmsEvent);
    if (this.target === '-') this.stdout(line);
    else appendFileSync(this.target, `${line}\n`);
  }
}
