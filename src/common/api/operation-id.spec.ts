import { operationId } from './operation-id';

describe('operationId: one naming rule for the contract', () => {
  it.each(['listCandidatures', 'getOwnCandidature', 'confirmCandidature', 'login', 'updateStatutDossier', 'downloadDossiersCandidatures'])('accepts %s', (name) => {
    expect(operationId(name)).toBe(name);
  });

  it.each(['candidater', 'listeCandidatures', 'saisirAvis', 'putBac', 'candidatures', 'getown', 'list_candidatures'])('refuses %s, naming the rule', (name) => {
    expect(() => operationId(name)).toThrow(/verbe anglais/);
  });
});
