import { expect } from '@open-wc/testing';
import { registerTranslation } from './registry.js';
import { explainCancel, type CancelSubject } from './verification-cancel.strings.js';

const SUBJECTS: CancelSubject[] = ['this-session', 'other-session', 'user'];
const CODES = ['m.user', 'm.timeout', 'm.unknown_transaction', 'm.unknown_method', 'm.unexpected_message', 'm.invalid_message', 'm.key_mismatch',
  'm.user_mismatch', 'm.mismatched_commitment', 'm.mismatched_sas', 'm.accepted', 'xs.session_signed_out'];

describe('explainCancel (shared by <xs-verify-login> and <xs-verify-user>)', () => {
  it('every known code has a sentence per subject, never the generic fallback', () => {
    for (const subject of SUBJECTS) {
      for (const code of CODES) {
        for (const byUs of [true, false]) {
          const said = explainCancel('en', code, subject, { byUs });
          expect(said, `${subject} ${code}`).to.not.contain('was cancelled (');
        }
      }
    }
  });

  it('warnings point at the right party: this session, the other session, or the person', () => {
    expect(explainCancel('en', 'm.key_mismatch', 'this-session', { byUs: false })).to.contain('Don’t trust this session');
    expect(explainCancel('en', 'm.key_mismatch', 'other-session', { byUs: false })).to.contain('Don’t trust the other session');
    expect(explainCancel('en', 'm.key_mismatch', 'user', { byUs: false })).to.contain('this person’s identity');
    // Only the session verifying itself is pointed to its Security Key.
    expect(explainCancel('en', 'm.unknown_method', 'this-session', { byUs: false })).to.match(/^Your sessions .* Use your Security Key/);
    expect(explainCancel('en', 'm.unknown_method', 'other-session', { byUs: false })).to.contain('On the other session');
    expect(explainCancel('en', 'm.mismatched_sas', 'user', { byUs: true })).to.match(/^You said/);
    expect(explainCancel('en', 'm.mismatched_sas', 'user', { byUs: false })).to.match(/^They said/);
  });

  it('declining is told apart from cancelling; other-session falls back to the own-session wording', () => {
    expect(explainCancel('en', 'm.user', 'this-session', { byUs: true, declined: true })).to.equal('You declined the request. Your other session was told.');
    expect(explainCancel('en', 'm.user', 'user', { byUs: true, declined: true })).to.equal('You declined the request. They were told.');
    expect(explainCancel('en', 'm.user', 'user', { byUs: true })).to.equal('You cancelled the verification.');
    expect(explainCancel('en', 'm.timeout', 'other-session', { byUs: false })).to.equal(explainCancel('en', 'm.timeout', 'this-session', { byUs: false }));
  });

  it('an unknown code is named, truncated, as text; the sentences are translatable', () => {
    const said = explainCancel('en', `x.${'<b>'.repeat(40)}`, 'user', { byUs: false });
    expect(said).to.contain('x.<b>');
    expect(said.length).to.be.below(120);
    registerTranslation('de', { 'verification-cancel.user.timeout': 'Die Anfrage ist abgelaufen.' });
    expect(explainCancel('de', 'm.timeout', 'user', { byUs: false })).to.equal('Die Anfrage ist abgelaufen.');
  });
});
