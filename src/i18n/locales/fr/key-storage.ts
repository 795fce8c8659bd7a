import type { keyStorageStrings } from '../../../components/key-storage/key-storage.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  heading: 'Stockage des clés',
  checkHeading: 'Vérifier votre clé de sécurité',
  noClient: 'Aucun compte Matrix n’est encore connecté à cette vue.',
  'state.checking': 'Vérification de votre stockage des clés…',
  'state.unknown': 'Impossible de vérifier pour l’instant si vos clés sont stockées. Rien ne peut être modifié tant que le serveur ne répond pas.',
  'state.not-set-up': 'Le stockage des clés nécessite d’abord la configuration du chiffrement (votre identité et une clé de sécurité).',
  'state.on': 'Le stockage des clés est activé : les clés de vos messages sont sauvegardées sur le serveur, chiffrées avec votre clé de sécurité, pour que vous puissiez lire votre historique dans de nouvelles sessions.',
  'state.off': 'Le stockage des clés est désactivé : les clés de vos messages ne sont pas sauvegardées. Si vous perdez toutes vos sessions, vous perdez votre historique chiffré.',
  'state.unusable': 'Il existe une sauvegarde des clés sur le serveur, mais cette session ne peut pas l’utiliser. Vérifiez cette session ou configurez à nouveau le chiffrement.',
  turnedOffElsewhere: 'Vous avez choisi de désactiver le stockage des clés ; vos applications ne vous demanderont donc pas de sauvegarder.',
  dehydratedOn: 'Votre appareil hors ligne est activé : il reçoit les clés des nouveaux messages pendant que toutes vos sessions sont fermées.',
  turnOff: 'Désactiver le stockage des clés',
  turnOn: 'Activer le stockage des clés',
  restore: 'Restaurer l’historique depuis la sauvegarde',
  checkKey: 'Vérifier ma clé de sécurité',
} satisfies TranslationOf<typeof keyStorageStrings>;
