import { expect } from '@open-wc/testing';
import { identityChangeInProgress, identityChangeMark, onIdentityChangeFinished, whileChangingIdentity } from './identity-change.js';

describe('identity change guard', () => {
  it('is in progress while any change on that client runs, and tells listeners once the last one ends', async () => {
    const client = {};
    const other = {};
    const ends: string[] = [];
    const stop = onIdentityChangeFinished(client, () => ends.push(`ended, in progress: ${identityChangeInProgress(client)}`));
    let releaseA!: () => void;
    expect(identityChangeMark(client)).to.equal(0);
    const a = whileChangingIdentity(client, () => new Promise<void>((r) => (releaseA = r)));
    expect(identityChangeInProgress(client)).to.equal(true);
    expect(identityChangeMark(client), 'odd while a change runs').to.equal(1);
    expect(identityChangeInProgress(other)).to.equal(false);
    const b = whileChangingIdentity(client, async () => 'b');
    expect(await b).to.equal('b');
    expect(identityChangeInProgress(client), 'a still runs').to.equal(true);
    expect(identityChangeMark(client), 'nested: still the same change').to.equal(1);
    expect(ends).to.deep.equal([]);
    releaseA();
    await a;
    expect(identityChangeInProgress(client)).to.equal(false);
    expect(ends).to.deep.equal(['ended, in progress: false']);
    expect(identityChangeMark(client), 'even once over').to.equal(2);
    expect(identityChangeMark(other)).to.equal(0);
    stop();
    await whileChangingIdentity(client, async () => undefined);
    expect(ends.length, 'unsubscribed').to.equal(1);
  });

  it('a failing change ends too, and its error reaches the caller', async () => {
    const client = {};
    let ended = 0;
    onIdentityChangeFinished(client, () => ended++);
    const err = await whileChangingIdentity(client, async () => { throw new Error('upload refused'); }).catch((e: Error) => e);
    expect((err).message).to.equal('upload refused');
    expect(identityChangeInProgress(client)).to.equal(false);
    expect(ended).to.equal(1);
  });
});
