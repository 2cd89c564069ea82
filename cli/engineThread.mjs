// Worker-thread entry: register tsx in this thread (Node 20 ignores --import in a worker's
// execArgv), then load the TypeScript engine thread.
import { register } from 'tsx/esm/api';

register();
await import('./engineThread.ts');
