// Test-runner plugin: lets an e2e test (in the browser) start a legacy Matrix peer — python3-matrix-nio, run by
// scripts/nio-peer.py inside the Synapse Debian tree — and read what it saw. From the test:
//   executeServerCommand('xs-nio-peer', { action: 'start', homeserverUrl, userId, password, mode: 'idle' | 'start', target? })
//     → { id, deviceId }        once it is logged in with its device keys uploaded (and, mode start, sent its start)
//   executeServerCommand('xs-nio-peer', { action: 'lines', id }) → { lines }   what it printed (event types only)
//   executeServerCommand('xs-nio-peer', { action: 'stop', id })
// Peers still running when the runner stops are killed. matrix-nio is installed on first use (scripts/homeserver.mjs).
import { fileURLToPath } from 'node:url';
import { ensureNio, spawnInTree } from './homeserver.mjs';

const script = fileURLToPath(new URL('./nio-peer.py', import.meta.url));

export function nioPeerPlugin() {
  const peers = new Map();
  let next = 1;
  const stopAll = () => {
    for (const p of peers.values()) p.child.kill('SIGTERM');
    peers.clear();
  };
  process.once('exit', stopAll);
  return {
    name: 'xs-nio-peer',
    serverStop: stopAll,
    async executeCommand({ command, payload }) {
      if (command !== 'xs-nio-peer') return undefined;
      const p = payload ?? {};
      if (p.action === 'start') {
        ensureNio();
        const args = [p.homeserverUrl, p.userId, p.password, p.mode ?? 'idle', ...(p.target ? [p.target] : [])];
        const child = spawnInTree(script, args);
        const peer = { child, lines: [], stderr: '' };
        const id = next++;
        peers.set(id, peer);
        let buf = '';
        child.stdout.on('data', (d) => {
          buf += d.toString();
          let i;
          while ((i = buf.indexOf('\n')) >= 0) {
            peer.lines.push(buf.slice(0, i));
            buf = buf.slice(i + 1);
          }
        });
        child.stderr.on('data', (d) => (peer.stderr = (peer.stderr + d.toString()).slice(-4000)));
        const want = p.mode === 'start' ? 'STARTED' : 'READY';
        const deadline = Date.now() + 60_000;
        while (!peer.lines.some((l) => l.startsWith(want))) {
          const err = peer.lines.find((l) => l.startsWith('ERROR'));
          if (err || child.exitCode !== null || Date.now() > deadline) {
            child.kill('SIGTERM');
            peers.delete(id);
            throw new Error(`nio peer did not get ready: ${err ?? ''} ${peer.stderr.split('\n').slice(-8).join('\n')}`);
          }
          await new Promise((r) => setTimeout(r, 50));
        }
        const deviceId = peer.lines.find((l) => l.startsWith('READY'))?.split(' ')[1];
        return { id, deviceId };
      }
      const peer = peers.get(p.id);
      if (!peer) throw new Error(`no nio peer ${p.id}`);
      if (p.action === 'lines') return { lines: [...peer.lines] };
      if (p.action === 'stop') {
        peer.child.kill('SIGTERM');
        peers.delete(p.id);
        return { stopped: true };
      }
      throw new Error(`unknown action ${p.action}`);
    },
  };
}
