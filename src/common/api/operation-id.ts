/**
 * The one naming rule of the contract's operationIds, hence of the typed client: an English verb, then the French
 * domain noun as staff say it (`listCandidatures`, `getFormation`, `confirmCandidature`). A candidate's route that has
 * a staff twin on the same resource says `Own` (`getOwnCandidature` beside staff's `getCandidature`). The operationId is
 * the controller method's name; buildOpenApiDocument refuses any other shape, so the rule cannot drift.
 */
export const OPERATION_VERBS = [
  'list',
  'get',
  'create',
  'update',
  'delete',
  'upload',
  'download',
  'export',
  'validate',
  'activate',
  'resend',
  'recover',
  'reset',
  'login',
  'logout',
  'handle',
  'exchange',
  'run',
  'cancel',
  'transmit',
  'confirm',
  'withdraw',
  'declare',
  'preview',
  'send',
  'restore',
] as const;

const SHAPE = new RegExp(`^(${OPERATION_VERBS.join('|')})(Own)?([A-Z][A-Za-z]*)?$`);

/** The operationId of a controller method; throws when its name breaks the rule. */
export function operationId(methodKey: string): string {
  if (!SHAPE.test(methodKey)) {
    throw new Error(`operationId « ${methodKey} » : nommez la méthode du contrôleur <verbe anglais><NomFrançais>, verbe parmi ${OPERATION_VERBS.join(', ')}`);
  }
  return methodKey;
}
