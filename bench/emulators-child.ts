/**
 * The embedded emulators (dynalite + s3rver) in a process of their own: on a 2-core machine the
 * handler and the emulators then run side by side, as Lambda and DynamoDB would, and dynalite's
 * in-memory table does not weigh on the bench process. Prints the stack's coordinates as one JSON
 * line, then serves until its stdin closes.
 */
import { startEmbeddedStack } from '../shared/local/embedded-stack.ts';

const stack = await startEmbeddedStack();
const { stop, ...coordinates } = stack;
console.log(JSON.stringify(coordinates));
process.stdin.resume();
process.stdin.on('end', async () => {
  await stop();
  process.exit(0);
});
