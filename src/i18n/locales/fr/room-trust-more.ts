import type { roomTrustMoreStrings } from '../../../components/room-trust/room-trust.more.strings.js';
import { num, plural } from '../../plural.js';
import type { TranslationOf } from '../../registry.js';

export default {
  working: 'Enregistrement…',
  'done.acknowledge': 'Vous avez pris acte de la nouvelle identité de {name}.',
  'done.withdraw': 'L’exigence de vérification pour {name} a été retirée.',
  'not-applied': 'L’identité de {name} apparaît toujours comme modifiée : elle a peut-être changé à nouveau. Vérifiez auprès de {name}.',
  'failed.acknowledge': 'Impossible de prendre acte de la nouvelle identité de {name}.',
  'failed.withdraw': 'Impossible de retirer l’exigence de vérification pour {name}.',
  unhandledVerify: 'Cette application ne peut pas vérifier des personnes d’ici. Vérifiez-les dans votre application Matrix.',
  unsignedHeading: 'Sessions que leurs propriétaires n’ont pas vérifiées',
  unnamedSession: 'Session sans nom',
  dismiss: 'Ignorer',
  dismissLabel: (name: string) => `Ignorer l’avertissement concernant les sessions de ${name}`,
  dismissed: 'Ignoré',
  'isolation.only-signed': 'Les clés des messages ne sont partagées qu’avec les sessions que leurs propriétaires ont vérifiées.',
  withheldIntro: 'Ces personnes ne recevront pas de clés sur les sessions qu’elles n’ont pas vérifiées :',
  withheldCount: (n: number) => plural(n, { one: `${num(n)} session`, other: `${num(n)} sessions` }),
  noneWithheld: 'Chaque session ici reçoit les clés.',
  blocking: 'L’envoi peut échouer tant que vous n’avez pas pris de décision concernant l’identité modifiée de {name}.',
} satisfies TranslationOf<typeof roomTrustMoreStrings>;
