#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx's loader, so `npx ancrage` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../shared/cli/main.ts');
