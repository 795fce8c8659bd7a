// The key-file worker's script (a module worker): loaded by CryptoWorker.open from the file next to it.
import { workerMain } from './crypto-worker.js';

workerMain();
