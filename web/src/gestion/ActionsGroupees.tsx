import { useState } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Stack from 'react-bootstrap/Stack';
import type { Schemas } from '@client';
import { $api, api, queryClient } from '../commun/api';
import { Probleme, Succes } from '../commun/Probleme';
import { ChampGestion, lireFormulaire } from './ChampGestion';
import { FormulaireAvis } from './FormulaireAvis';
import { STATUTS_DOSSIER, TYPES_TRAITEMENT } from './filtres';
import { enregistrer } from '../commun/telechargement';
import { PoseEtiquettes } from './etiquettes/PoseEtiquettes';
import { DelaisGroupes } from './pour-candidat/DelaisGroupes';

const ACTIONS = {
  statut: 'Changer le statut du dossier',
  typeTraitement: 'Changer le type de traitement',
  validerTypeTraitement: 'Valider le type de traitement',
  avis: 'Saisir un avis',
  validerAvis: 'Valider l’avis',
  dossiers: 'Télécharger les dossiers (ZIP)',
  etiquette: 'Poser une étiquette',
  delais: 'Fixer les délais (confirmation, retour)',
} as const;
type Action = keyof typeof ACTIONS;

/** What the API offers on a selection (1 to 200 candidatures, all or nothing): statut, type de traitement, avis, ZIP. */
export function ActionsGroupees({ ids }: { ids: number[] }) {
  const [action, setAction] = useState<Action>('statut');
  const [fait, setFait] = useState<string | null>(null);
  const [erreurZip, setErreurZip] = useState<unknown>(null);
  const apres = (message: string) => () => {
    setFait(message);
    void queryClient.invalidateQueries();
  };
  const statut = $api.useMutation('post', '/api/candidatures/statut-dossier', { onSuccess: (r) => apres(`Statut changé pour ${r.modifiees} candidature(s) ; chaque candidat est prévenu par mail.`)() });
  const type = $api.useMutation('post', '/api/candidatures/type-traitement', { onSuccess: (r) => apres(`Type de traitement changé pour ${r.modifiees} candidature(s).`)() });
  const validerType = $api.useMutation('post', '/api/candidatures/type-traitement/validation', { onSuccess: (r) => apres(`Type de traitement validé pour ${r.modifiees} candidature(s).`)() });
  const validerAvis = $api.useMutation('post', '/api/candidatures/avis/validation', { onSuccess: (r) => apres(`Avis validé pour ${r.length} candidature(s).`)() });
  const erreur = { statut: statut.error, typeTraitement: type.error, validerTypeTraitement: validerType.error, validerAvis: validerAvis.error, avis: null, dossiers: erreurZip, etiquette: null, delais: null }[action];
  const n = ids.length;
  return (
    <section aria-labelledby="titre-actions" className="border rounded p-3 mb-4 bg-body-tertiary">
      <h2 id="titre-actions" className="h5">
        Actions sur la sélection ({n} candidature{n > 1 ? 's' : ''})
      </h2>
      {n === 0 ? (
        <p className="mb-0">Cochez des candidatures dans la liste pour agir sur plusieurs à la fois (200 au plus).</p>
      ) : (
        <>
          <ChampGestion
            nom="action"
            libelle="Action"
            options={ACTIONS}
            defaultValue={action}
            onChange={(a) => {
              setAction(a as Action);
              setFait(null);
            }}
          />
          {fait && <Succes>{fait}</Succes>}
          <Probleme erreur={erreur} />
          {action === 'statut' && (
            <Form
              noValidate
              aria-label={ACTIONS.statut}
              onSubmit={(e) => {
                const v = lireFormulaire(e);
                statut.mutate({ body: { candidatureIds: ids, statut: v.statut as Schemas['StatutDossier'], ...(v.date ? { date: v.date } : {}) } });
              }}
            >
              <Stack direction="horizontal" gap={3} className="flex-wrap align-items-end">
                <ChampGestion nom="statut" libelle="Nouveau statut" options={STATUTS_DOSSIER} erreur={statut.error} required />
                <ChampGestion nom="date" libelle="Date (aujourd’hui si vide)" type="date" erreur={statut.error} />
                <Button type="submit" className="mb-3" disabled={statut.isPending}>
                  Appliquer
                </Button>
              </Stack>
            </Form>
          )}
          {action === 'typeTraitement' && (
            <Form
              noValidate
              aria-label={ACTIONS.typeTraitement}
              onSubmit={(e) => {
                const v = lireFormulaire(e);
                type.mutate({ body: { candidatureIds: ids, typeTraitement: v.typeTraitement as Schemas['TypeTraitement'] } });
              }}
            >
              <Stack direction="horizontal" gap={3} className="flex-wrap align-items-end">
                <ChampGestion nom="typeTraitement" libelle="Type de traitement" options={TYPES_TRAITEMENT} erreur={type.error} required />
                <Button type="submit" className="mb-3" disabled={type.isPending}>
                  Appliquer
                </Button>
              </Stack>
            </Form>
          )}
          {action === 'validerTypeTraitement' && (
            <Button disabled={validerType.isPending} onClick={() => validerType.mutate({ body: { candidatureIds: ids } })}>
              Valider le type de traitement de la sélection
            </Button>
          )}
          {action === 'avis' && <FormulaireAvis candidatureIds={ids} />}
          {action === 'etiquette' && <PoseEtiquettes ids={ids} />}
          {action === 'delais' && <DelaisGroupes ids={ids} />}
          {action === 'validerAvis' && (
            <>
              <p>Le dernier avis de chaque candidature est publié au candidat (aussitôt, ou à la date de publication de la formation) et lui est envoyé par mail.</p>
              <Button disabled={validerAvis.isPending} onClick={() => validerAvis.mutate({ body: { candidatureIds: ids } })}>
                Valider l’avis de la sélection
              </Button>
            </>
          )}
          {action === 'dossiers' && (
            <Button
              onClick={async () => {
                setErreurZip(null);
                const { data, error } = await api.POST('/api/candidatures/dossiers.zip', { body: { candidatureIds: ids }, parseAs: 'blob' });
                if (error || !data) setErreurZip(error ?? new Error('vide'));
                else enregistrer(data as Blob, 'dossiers.zip');
              }}
            >
              Télécharger les dossiers PDF de la sélection
            </Button>
          )}
        </>
      )}
    </section>
  );
}
