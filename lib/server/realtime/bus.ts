import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { z } from "zod";
import { databaseTarget, db } from "@/lib/server/db/client";
import { ZComparisonEvent, type ComparisonEvent, type ComparisonEventListener } from "./events";

/**
 * Fans comparison events out to everyone watching, in this process and in every other app
 * instance on the same database. Services publish after their transaction has committed:
 * a listener re-fetches at once, and must find the change already visible.
 */
export interface ComparisonEventBus {
  /** Delivers to local listeners, then tells other instances. Rejects only for a malformed event. */
  publish(event: ComparisonEvent): Promise<void>;
  /**
   * Returns the function that unsubscribes. `onGap` runs when events may have been missed
   * (the bus lost its connection to the other instances and has it back): the subscriber
   * should make its client re-fetch.
   */
  subscribe(comparisonId: string, listener: ComparisonEventListener, onGap?: () => void): () => void;
  /**
   * For a write that sends the NOTIFY inside the statement that makes the change, which saves
   * a round trip: Postgres delivers it to the other instances when that statement commits.
   * `notify` is what to pass to pg_notify (null when there are no other instances to tell),
   * and `deliver` hands the event to this process's listeners: call it once the statement
   * has committed. Throws for a malformed event, as publish rejects.
   */
  stage(event: ComparisonEvent): StagedEvent;
  /** Drops every listener and closes any connection the bus holds. */
  close(): Promise<void>;
}

/** An event staged for a statement that sends its own NOTIFY (see ComparisonEventBus.stage). */
export interface StagedEvent {
  notify: { channel: string; payload: string } | null;
  deliver(): void;
}

export const CHANNEL = "parallax_events";

/**
 * The listeners of one process, by comparison. A map of sets rather than an EventEmitter:
 * no warning once a busy comparison passes ten viewers, no special "error" event, and one
 * throwing listener cannot keep the event from the others.
 */
class ListenerRegistry {
  private readonly byComparison = new Map<string, Set<ComparisonEventListener>>();

  get isEmpty(): boolean {
    return this.byComparison.size === 0;
  }

  add(comparisonId: string, listener: ComparisonEventListener): () => void {
    // A wrapper per subscription, so the same function subscribed twice is two subscriptions.
    const entry: ComparisonEventListener = (event) => listener(event);
    const set = this.byComparison.get(comparisonId) ?? new Set();
    set.add(entry);
    this.byComparison.set(comparisonId, set);
    return () => {
      set.delete(entry);
      if (set.size === 0 && this.byComparison.get(comparisonId) === set) this.byComparison.delete(comparisonId);
    };
  }

  deliver(event: ComparisonEvent): void {
    const set = this.byComparison.get(event.comparisonId);
    if (!set) return;
    // A copy: a listener may unsubscribe (itself or another) while we iterate.
    for (const listener of [...set]) {
      try {
        listener(event);
      } catch (error) {
        console.error("[realtime] a comparison event listener failed", error);
      }
    }
  }

  clear(): void {
    this.byComparison.clear();
  }
}

/**
 * The embedded database: one process holds the data folder (see data-lock.ts), so every
 * viewer and every writer are in this process and an in-memory fan-out reaches them all.
 */
export function createMemoryEventBus(): ComparisonEventBus {
  const listeners = new ListenerRegistry();
  return {
    async publish(event) {
      listeners.deliver(ZComparisonEvent.parse(event));
    },
    // Publisher and listeners share the process, so there is never a gap to announce.
    subscribe: (comparisonId, listener) => listeners.add(comparisonId, listener),
    stage(event) {
      const checked = ZComparisonEvent.parse(event);
      return { notify: null, deliver: () => listeners.deliver(checked) };
    },
    async close() {
      listeners.clear();
    },
  };
}

const ZEnvelope = z.object({
  origin: z.string().describe("The bus that published it; it has delivered the event locally already"),
  event: ZComparisonEvent,
});

function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? "");
  } catch {
    return undefined;
  }
}

export interface PostgresEventBusOptions {
  /**
   * The database to LISTEN on: the one `db()` sends its NOTIFYs to, since notifications stay
   * inside one database. Without it the bus can publish but not subscribe (enough for the CLI).
   */
  listenUrl?: string;
  /**
   * How long the LISTEN connection stays open after its last listener leaves. Closing at
   * once would reconnect on every page reload (the old stream ends just before the new one
   * starts); keeping it forever holds a server connection slot per idle instance. Half a
   * minute keeps reloads and tab switches cheap and still frees the slot on a quiet instance.
   */
  idleCloseMs?: number;
}

const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 30_000;
// A connection can die without a word (a failover, a NAT or load balancer dropping a quiet
// flow), and a LISTEN connection never sends anything by itself, so nothing would notice.
// Repeating the LISTEN (a no-op for a channel already listened to) is a round trip that
// keeps the flow busy and finds a dead server within HEARTBEAT_MS + ANSWER_TIMEOUT_MS,
// rather than after the OS's TCP timeouts (minutes to hours).
const HEARTBEAT_MS = 30_000;
const ANSWER_TIMEOUT_MS = 10_000;

/**
 * Postgres: NOTIFY on one channel for every comparison, and ONE LISTEN connection per
 * process that hands each notification to the local listeners of its comparison. One
 * channel per comparison would need a LISTEN per watched comparison on that connection;
 * filtering in memory costs a JSON parse per event, which is nothing at our event rates.
 */
class PostgresEventBus implements ComparisonEventBus {
  // Postgres also delivers our own NOTIFYs to our LISTEN connection. We deliver locally
  // when publishing (no round trip, and it works while the connection is down) and drop the
  // echo by this id.
  private readonly origin = randomUUID();
  private readonly listeners = new ListenerRegistry();
  private readonly gapHandlers = new Set<() => void>();
  private readonly listenUrl: string | undefined;
  private readonly idleCloseMs: number;
  private client: pg.Client | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private failures = 0;

  constructor({ listenUrl, idleCloseMs = 30_000 }: PostgresEventBusOptions) {
    this.listenUrl = listenUrl;
    this.idleCloseMs = idleCloseMs;
  }

  async publish(event: ComparisonEvent): Promise<void> {
    const checked = ZComparisonEvent.parse(event);
    this.listeners.deliver(checked);
    const payload = this.payload(checked);
    try {
      await db().$executeRaw`SELECT pg_notify(${CHANNEL}, ${payload})`;
    } catch (error) {
      // The change itself is committed; failing the request now would make the user retry a
      // write that succeeded. Viewers elsewhere catch up when they next re-fetch.
      console.error("[realtime] could not notify the other app instances", error);
    }
  }

  stage(event: ComparisonEvent): StagedEvent {
    const checked = ZComparisonEvent.parse(event);
    return { notify: { channel: CHANNEL, payload: this.payload(checked) }, deliver: () => this.listeners.deliver(checked) };
  }

  /** What other instances receive: the event, and this bus's id so its own LISTEN drops the echo. */
  private payload(event: ComparisonEvent): string {
    return JSON.stringify({ origin: this.origin, event });
  }

  subscribe(comparisonId: string, listener: ComparisonEventListener, onGap?: () => void): () => void {
    if (!this.listenUrl) {
      throw new Error("Listening for comparison events on Postgres needs DATABASE_URL.");
    }
    const unsubscribe = this.listeners.add(comparisonId, listener);
    // A wrapper per subscription, as in ListenerRegistry.add.
    const gapHandler = onGap && (() => onGap());
    if (gapHandler) this.gapHandlers.add(gapHandler);
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (!this.client && !this.retryTimer) this.connect(this.listenUrl);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      unsubscribe();
      if (gapHandler) this.gapHandlers.delete(gapHandler);
      if (this.listeners.isEmpty) this.scheduleIdleClose();
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.gapHandlers.clear();
    await this.disconnect();
  }

  private connect(url: string): void {
    const client = new pg.Client({
      connectionString: url,
      application_name: "parallax-realtime",
      connectionTimeoutMillis: ANSWER_TIMEOUT_MS,
      query_timeout: ANSWER_TIMEOUT_MS,
    });
    this.client = client;
    client.on("notification", (message) => {
      if (this.client === client && message.channel === CHANNEL) this.receive(message.payload);
    });
    // Without an "error" handler a dropped connection would crash the process.
    client.on("error", (error) => this.lose(client, error));
    client.on("end", () => this.lose(client, new Error("the server closed the connection")));
    client
      .connect()
      .then(() => client.query(`LISTEN ${CHANNEL}`))
      .then(() => {
        if (this.client !== client) return;
        const recovered = this.failures > 0;
        this.failures = 0;
        this.heartbeat = setInterval(() => {
          client.query(`LISTEN ${CHANNEL}`).catch((error: unknown) => this.lose(client, error));
        }, HEARTBEAT_MS);
        this.heartbeat.unref();
        if (recovered) this.announceGap();
      })
      .catch((error: unknown) => this.lose(client, error));
  }

  private receive(payload: string | undefined): void {
    const envelope = ZEnvelope.safeParse(parseJson(payload));
    if (!envelope.success) {
      // Another version of the app during a rolling deploy, or a stray NOTIFY: not ours to crash on.
      console.warn("[realtime] ignored a notification that is not a comparison event");
      return;
    }
    if (envelope.data.origin !== this.origin) this.listeners.deliver(envelope.data.event);
  }

  /**
   * Events published while the connection was down are lost (NOTIFY does not queue for
   * absent listeners), so once it is back the subscribers hear of the gap and resync. Telling
   * them at the loss instead would let a client re-fetch before the bus listens again, and
   * miss whatever happens in between.
   */
  private announceGap(): void {
    console.info("[realtime] listening for comparison events again");
    for (const handler of [...this.gapHandlers]) {
      try {
        handler();
      } catch (error) {
        console.error("[realtime] a comparison event gap handler failed", error);
      }
    }
  }

  /**
   * The connection dropped (server restart, failover, an administrator's terminate, a
   * heartbeat without an answer) or never came up. Retries with exponential backoff and
   * jitter, so a fleet of instances does not stampede a database that is coming back.
   */
  private lose(client: pg.Client, error: unknown): void {
    if (this.client !== client) return; // already handled, or closed on purpose
    void this.drop()?.end();
    if (this.listeners.isEmpty || !this.listenUrl) return;
    const ceiling = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.failures);
    const delay = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    this.failures += 1;
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`[realtime] lost the LISTEN connection (${reason}); retrying in ${delay} ms`);
    const url = this.listenUrl;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.client && !this.listeners.isEmpty) this.connect(url);
    }, delay);
    // A pending retry alone must not keep a CLI or test process alive.
    this.retryTimer.unref();
  }

  private scheduleIdleClose(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.disconnect(), this.idleCloseMs);
    this.idleTimer.unref();
  }

  private async disconnect(): Promise<void> {
    clearTimeout(this.retryTimer);
    clearTimeout(this.idleTimer);
    this.retryTimer = undefined;
    this.idleTimer = undefined;
    this.failures = 0;
    await this.drop()?.end();
  }

  /** Forgets the current connection, so its late events are ignored, and hands it back to end. */
  private drop(): pg.Client | undefined {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    const client = this.client;
    this.client = undefined;
    return client;
  }
}

export function createPostgresEventBus(options: PostgresEventBusOptions): ComparisonEventBus {
  return new PostgresEventBus(options);
}

// On globalThis for the reason db() is: Next.js may evaluate this module once per route
// bundle, and the handler that publishes must reach the streams another bundle subscribed.
const globalForBus = globalThis as unknown as { parallaxRealtime?: ComparisonEventBus };

/** The bus for the database the client in use points at (a test's own database included). */
function openBus(): ComparisonEventBus {
  const target = databaseTarget();
  return target.kind === "embedded" ? createMemoryEventBus() : createPostgresEventBus({ listenUrl: target.url });
}

function bus(): ComparisonEventBus {
  globalForBus.parallaxRealtime ??= openBus();
  return globalForBus.parallaxRealtime;
}

/**
 * Tells everyone watching the comparison that something changed. Call it after the
 * transaction that made the change has committed, never inside it. It does not fail the
 * caller when other instances cannot be told (see PostgresEventBus.publish).
 */
export function publishComparisonEvent(event: ComparisonEvent): Promise<void> {
  return bus().publish(event);
}

/**
 * Stages an event for a write that sends the NOTIFY in its own statement: pass `notify` to
 * pg_notify in that statement (when not null), then call `deliver` once it has committed.
 * Unlike publishComparisonEvent, a NOTIFY that fails then fails the write with it; pg_notify
 * fails only for a payload over 8000 bytes (ZComparisonEvent caps ids far below that) or a
 * notification queue full of gigabytes that a stuck listener never read.
 */
export function stageComparisonEvent(event: ComparisonEvent): StagedEvent {
  return bus().stage(event);
}

/**
 * Calls `listener` for every event of one comparison until the returned function is called,
 * and `onGap` when events may have been missed (see ComparisonEventBus.subscribe).
 */
export function subscribeComparisonEvents(
  comparisonId: string,
  listener: ComparisonEventListener,
  onGap?: () => void,
): () => void {
  return bus().subscribe(comparisonId, listener, onGap);
}

/**
 * Closes the process's bus, with its listeners and connection, and installs `next` (or lets
 * the next call choose by the database kind again). Tests use it to point the bus at their
 * own database, whose URL is not DATABASE_URL.
 */
export async function resetRealtimeForTests(next?: ComparisonEventBus): Promise<void> {
  const current = globalForBus.parallaxRealtime;
  globalForBus.parallaxRealtime = next;
  await current?.close();
}
