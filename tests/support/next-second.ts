/**
 * Waits until 50 ms into the clock's next whole second. The S3 emulator's upload time is its file's
 * modification time, to the second, which the kernel takes from a coarse clock that can lag Date.now()
 * by a tick (up to 10 ms): uploads made after this are later, to S3, than any made before it, and a
 * few uploads made at once from here fall in the same second, whichever of them the key then orders.
 */
export const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1_050 - (Date.now() % 1_000)));
