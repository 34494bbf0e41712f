/**
 * Counts the AWS calls an attempt makes (DynamoDB and S3 together, in the order they are sent) and
 * breaks the k-th one. The clients stay real: only their `send` is wrapped, so every other request
 * reaches the emulators over HTTP as in a clean run.
 */

/** What the next attempt suffers. */
export type Fault =
  | { readonly type: 'none' }
  /** The process dies after the k-th call reached AWS (its answer lost); no later call is made. */
  | { readonly type: 'crash'; readonly after: number }
  /** The k-th call fails without reaching AWS (a 500, a reset connection); the others go through. */
  | { readonly type: 'fail'; readonly at: number };

export class SimulatedCrash extends Error {
  override readonly name = 'SimulatedCrash';
}

export class TransientFault extends Error {
  override readonly name = 'InternalServerError';
}

interface Destroyable {
  destroy(): void;
}

const isDestroyable = (value: unknown): value is Destroyable =>
  typeof value === 'object' && value !== null && typeof (value as Destroyable).destroy === 'function';

const commandName = (command: unknown): string =>
  typeof command === 'object' && command !== null ? command.constructor.name : String(command);

export class CallPlan {
  private calls = 0;
  private fault: Fault = { type: 'none' };
  private readonly bodies = new Set<Destroyable>();
  /** `service:Command` of every call since the last `arm`, in the order sent. */
  readonly log: string[] = [];

  /** Resets the count and sets the fault for the next attempt. */
  arm(fault: Fault): void {
    this.calls = 0;
    this.log.length = 0;
    this.fault = fault;
  }

  get count(): number {
    return this.calls;
  }

  async run<T>(label: string, perform: () => Promise<T>): Promise<T> {
    const call = ++this.calls;
    this.log.push(label);
    const fault = this.fault;
    if (fault.type === 'crash' && call > fault.after) throw new SimulatedCrash(`dead before call ${call}`);
    if (fault.type === 'fail' && call === fault.at)
      throw new TransientFault(`call ${call} (${label}) failed`);
    if (fault.type === 'crash' && call === fault.after) {
      // The request is carried out; the process dies before it reads the answer.
      await perform().then(
        (result) => this.track(result),
        () => undefined,
      );
      throw new SimulatedCrash(`died after call ${call} (${label})`);
    }
    return this.track(await perform());
  }

  /** Closes the response streams a dead attempt left open, so sockets are not exhausted. */
  cleanup(): void {
    for (const body of this.bodies) body.destroy();
    this.bodies.clear();
  }

  private track<T>(result: T): T {
    const body = (result as { Body?: unknown } | undefined)?.Body;
    if (isDestroyable(body)) this.bodies.add(body);
    return result;
  }
}

type Send = (command: unknown, ...rest: unknown[]) => Promise<unknown>;

/** Routes every `send` of an SDK client (S3, DynamoDB, document client) through the plan. */
export function instrumented<C extends object>(client: C, plan: CallPlan, service: string): C {
  const target = client as unknown as { send: Send };
  const original: Send = target.send.bind(target);
  target.send = (command, ...rest) =>
    plan.run(`${service}:${commandName(command)}`, () => original(command, ...rest));
  return client;
}

/** Lets a test hold a call before it is sent (to freeze an attempt at a chosen point). */
export function beforeEachSend<C extends object>(
  client: C,
  hook: (command: unknown) => Promise<void> | void,
): C {
  const target = client as unknown as { send: Send };
  const original: Send = target.send.bind(target);
  target.send = async (command, ...rest) => {
    await hook(command);
    return original(command, ...rest);
  };
  return client;
}
