import { useState } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Modal from 'react-bootstrap/Modal';
import Stack from 'react-bootstrap/Stack';
import { Link } from 'react-router';
import { $api, api } from '../commun/api';
import { Probleme, Succes } from '../commun/Probleme';
import { erreurDuChamp, enProbleme } from '../commun/probleme';
import { useTelechargement } from '../commun/telechargement';
import { ChampGestion, lireFormulaire } from '../gestion/ChampGestion';

/**
 * A candidate's personal data on their staff page (scolarité centrale, admin): the right-of-access export, downloaded
 * as the candidate's own export gives it, then, at their request, the erasure of everything (RGPD art. 17), confirmed
 * in a dialog: it cannot be undone. The candidate is told by mail.
 */
export default function DonneesCandidat({ numeroDossier, nom }: { numeroDossier: string; nom: string }) {
  const telechargement = useTelechargement(`donnees-${numeroDossier}.json`);
  const effacement = $api.useMutation('post', '/api/candidats/{numeroDossier}/effacement');
  const [demande, setDemande] = useState<{ exportPropose: boolean; motif: string } | null>(null);
  const erreurExport = erreurDuChamp(enProbleme(effacement.error), 'exportPropose');
  if (effacement.data) {
    const b = effacement.data;
    return (
      <Succes>
        {nom} ({b.numeroDossier}) est effacé : {b.comptes} compte, {b.candidatures} candidature(s), {b.pieces} pièce(s), {b.fichiers} fichier(s), {b.mails} mail(s). Un mail l’en informe à {b.emailInforme}.{' '}
        <Link to="/gestion">Retour à la liste des candidatures</Link>
      </Succes>
    );
  }
  return (
    <>
      <p>Avant d’effacer un candidat qui le demande, proposez-lui l’export de ses données.</p>
      <Probleme erreur={telechargement.error} />
      {telechargement.isSuccess && <Succes>Données exportées : {telechargement.data}.</Succes>}
      <Button
        variant="outline-primary"
        className="mb-4"
        disabled={telechargement.isPending}
        onClick={() => telechargement.mutate(() => api.GET('/api/candidats/{numeroDossier}/donnees', { params: { path: { numeroDossier } }, parseAs: 'blob' }))}
      >
        Télécharger les données du candidat (JSON)
      </Button>
      <Form
        noValidate
        aria-label="Effacer le candidat"
        onSubmit={(e) => {
          const v = lireFormulaire(e);
          effacement.reset();
          setDemande({ exportPropose: v.exportPropose === 'on', motif: v.motif });
        }}
      >
        <ChampGestion nom="motif" libelle="Demande du candidat (reçue le, par)" aide="Gardé dans le journal seulement." erreur={effacement.error} />
        <Form.Check className="mb-3" id={`export-propose-${numeroDossier}`}>
          <Form.Check.Input name="exportPropose" isInvalid={Boolean(erreurExport)} aria-invalid={erreurExport ? true : undefined} aria-describedby={erreurExport ? `export-propose-${numeroDossier}-erreur` : undefined} />
          <Form.Check.Label>L’export de ses données a été proposé au candidat</Form.Check.Label>
          {erreurExport && (
            <Form.Control.Feedback type="invalid" id={`export-propose-${numeroDossier}-erreur`} lang="fr">
              {erreurExport}
            </Form.Control.Feedback>
          )}
        </Form.Check>
        <Button type="submit" variant="outline-danger">
          Effacer le candidat…
        </Button>
      </Form>
      <Modal show={demande !== null} onHide={() => setDemande(null)} aria-labelledby="effacement-titre" backdrop="static" centered>
        <Modal.Header closeButton closeLabel="Fermer">
          <Modal.Title id="effacement-titre" as="h2" className="h5">
            Effacer {nom} ?
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <p>
            Le compte {numeroDossier}, son dossier, ses candidatures, ses pièces et leurs fichiers, ses mails sont détruits. <strong>Cela ne peut pas être annulé.</strong> Le numéro de dossier ne sera
            plus jamais attribué.
          </p>
          <Probleme erreur={effacement.error} />
        </Modal.Body>
        <Modal.Footer>
          <Stack direction="horizontal" gap={2}>
            <Button variant="outline-secondary" onClick={() => setDemande(null)}>
              Revenir
            </Button>
            <Button
              variant="danger"
              disabled={effacement.isPending}
              onClick={() =>
                demande &&
                effacement.mutate(
                  { params: { path: { numeroDossier } }, body: { exportPropose: demande.exportPropose, ...(demande.motif ? { motif: demande.motif } : {}) } },
                  { onSettled: (_d, erreur) => !erreur && setDemande(null) },
                )
              }
            >
              Effacer définitivement
            </Button>
          </Stack>
        </Modal.Footer>
      </Modal>
    </>
  );
}
