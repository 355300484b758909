import { useId, useState } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Modal from 'react-bootstrap/Modal';
import Stack from 'react-bootstrap/Stack';
import Table from 'react-bootstrap/Table';
import type { Schemas } from '@client';
import { $api, queryClient } from '../../commun/api';
import { dateLisible } from '../../commun/dates';
import { Probleme, Succes } from '../../commun/Probleme';

type Detail = Schemas['CandidatureStaffDetailDto'];
type Piece = Schemas['PieceCandidatureDto'];

const rafraichir = () => void queryClient.invalidateQueries();

/**
 * « Agir pour le candidat »: what staff do for a candidate who phones or writes, with the candidate's own rules (past
 * the return deadline for pièces) and mails: restore a cancelled candidature, upload or replace a pièce's file,
 * declare « non concerné », confirm or withdraw; then the history of these actions, naming who did each.
 */
export function AgirPourCandidat({ c }: { c: Detail }) {
  const r = c.recapitulatif;
  const [restauree, setRestauree] = useState(false);
  return (
    <>
      {restauree && !r.annuleeAt && <Succes>Candidature restaurée : elle est de nouveau active ; le candidat en est prévenu par mail.</Succes>}
      {r.annuleeAt ? (
        <Restauration c={c} onRestauree={() => setRestauree(true)} />
      ) : (
        <>
          <h3 className="h5">Pièces justificatives</h3>
          <PiecesPourCandidat c={c} />
          <h3 className="h5 mt-4">Réponse à la décision</h3>
          <Reponse c={c} />
        </>
      )}
      <h3 className="h5 mt-4">Historique des actions faites pour le candidat</h3>
      <Historique c={c} />
    </>
  );
}

function Restauration({ c, onRestauree }: { c: Detail; onRestauree: () => void }) {
  const restauration = $api.useMutation('post', '/api/candidatures/{id}/restauration', {
    onSuccess: () => {
      onRestauree();
      rafraichir();
    },
  });
  return (
    <>
      <p>
        Candidature annulée le {dateLisible(c.recapitulatif.annuleeAt!)}
        {c.annuleePar && <> par {c.annuleePar}</>}. La restaurer la rend de nouveau active (si elle n’avait pas reçu d’avis) ; le candidat en est prévenu par
        mail.
      </p>
      <Probleme erreur={restauration.error} />
      <Button disabled={restauration.isPending} onClick={() => restauration.mutate({ params: { path: { id: c.id } } })}>
        Restaurer la candidature
      </Button>
    </>
  );
}

/** The candidate's rule for uploads (a dematerialised file, not yet transmitted, not withdrawn), without its deadline. */
function piecesModifiables(c: Detail): string | null {
  const r = c.recapitulatif;
  if (!r.formation.demat) return 'Dossier papier : les pièces arrivent par courrier, rien n’est déposé en ligne.';
  if (c.acceptee === false) return 'Le candidat s’est désisté : ses pièces ne sont plus modifiables.';
  if (r.statutDossier.code !== 'AT' && r.statutDossier.code !== 'IN') return `Dossier ${r.statutDossier.libelle.toLowerCase()} : les pièces ne sont plus modifiables.`;
  return null;
}

function PiecesPourCandidat({ c }: { c: Detail }) {
  const [fait, setFait] = useState<string | null>(null);
  const apres = (message: string) => () => {
    setFait(message);
    rafraichir();
  };
  const libelle = (pieceId: number) => c.recapitulatif.pieces.find((p) => p.id === pieceId)?.libelle;
  const depot = $api.useMutation('put', '/api/candidatures/{id}/pieces/{pieceId}/fichier', {
    onSuccess: (_, v) => apres(`Fichier déposé pour « ${libelle(v.params.path.pieceId)} » au nom du candidat.`)(),
  });
  const nonConcerne = $api.useMutation('put', '/api/candidatures/{id}/pieces/{pieceId}/non-concerne', {
    onSuccess: (_, v) => apres(`Candidat déclaré non concerné par « ${libelle(v.params.path.pieceId)} ».`)(),
  });
  const raison = piecesModifiables(c);
  if (raison) return <p>{raison}</p>;
  const pieces = c.recapitulatif.pieces.filter((p) => p.statut !== 'VA');
  return (
    <>
      <p>Déposez ou remplacez un fichier (PDF, JPEG ou PNG) que le candidat vous a envoyé, même après la date limite de retour.</p>
      {fait && <Succes>{fait}</Succes>}
      <Probleme erreur={depot.error ?? nonConcerne.error} />
      {pieces.length === 0 ? (
        <p>Toutes les pièces sont validées.</p>
      ) : (
        <ul className="list-unstyled">
          {pieces.map((p) => (
            <LignePiece
              key={`${p.id}-${p.statut}-${p.fichier ?? ''}`}
              p={p}
              enCours={depot.isPending || nonConcerne.isPending}
              onDeposer={(fichier) => {
                setFait(null);
                nonConcerne.reset();
                depot.mutate({
                  params: { path: { id: c.id, pieceId: p.id } },
                  // The contract types the binary part as a string: the body names the file, the FormData carries it.
                  body: { fichier: fichier.name },
                  bodySerializer: () => {
                    const donnees = new FormData();
                    donnees.append('fichier', fichier);
                    return donnees;
                  },
                });
              }}
              onNonConcerne={() => {
                setFait(null);
                depot.reset();
                nonConcerne.mutate({ params: { path: { id: c.id, pieceId: p.id } } });
              }}
            />
          ))}
        </ul>
      )}
    </>
  );
}

function LignePiece({ p, enCours, onDeposer, onNonConcerne }: { p: Piece; enCours: boolean; onDeposer: (f: File) => void; onNonConcerne: () => void }) {
  const id = useId();
  const [fichier, setFichier] = useState<File | null>(null);
  return (
    <li className="border-start border-3 ps-2 mb-3">
      <div id={`${id}-libelle`} className="fw-semibold">
        {p.libelle}
      </div>
      <div className="small text-body-secondary mb-1">
        {p.statutLibelle}
        {p.fichier && <> · fichier actuel : {p.fichier}</>}
      </div>
      <Stack direction="horizontal" gap={2} className="flex-wrap align-items-end">
        <Form
          className="d-flex flex-wrap align-items-end gap-2"
          noValidate
          aria-label={`Déposer un fichier pour « ${p.libelle} »`}
          onSubmit={(e) => {
            e.preventDefault();
            if (fichier) onDeposer(fichier);
          }}
        >
          <Form.Group controlId={`${id}-fichier`}>
            <Form.Label className="small mb-1">{p.fichier ? `Remplacer le fichier de « ${p.libelle} »` : `Fichier pour « ${p.libelle} »`}</Form.Label>
            <Form.Control type="file" size="sm" accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFichier((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
          </Form.Group>
          <Button type="submit" size="sm" disabled={!fichier || enCours} aria-describedby={`${id}-libelle`}>
            Déposer
          </Button>
        </Form>
        {p.conditionnel && p.statut !== 'NC' && (
          <Button size="sm" variant="outline-secondary" disabled={enCours} onClick={onNonConcerne} aria-label={`Déclarer le candidat non concerné par « ${p.libelle} »`}>
            Non concerné
          </Button>
        )}
      </Stack>
    </li>
  );
}

function Reponse({ c }: { c: Detail }) {
  const { confirmer, desister } = c.recapitulatif.actions;
  const [dialogue, setDialogue] = useState(false);
  const [fait, setFait] = useState<string | null>(null);
  const confirmation = $api.useMutation('post', '/api/candidatures/{id}/confirmation', {
    onSuccess: (r) => {
      setFait(`Admission confirmée pour le candidat${r.codeOpi ? ` (code OPI ${r.codeOpi})` : ''} ; il en est prévenu par mail.`);
      rafraichir();
    },
  });
  const desistement = $api.useMutation('post', '/api/candidatures/{id}/desistement', {
    onSuccess: () => {
      setDialogue(false);
      setFait('Désistement enregistré pour le candidat ; il en est prévenu par mail.');
      rafraichir();
    },
  });
  const chemin = { params: { path: { id: c.id } } };
  return (
    <>
      {fait && <Succes>{fait}</Succes>}
      {!dialogue && <Probleme erreur={confirmation.error ?? desistement.error} />}
      {!confirmer.possible && !desister.possible ? (
        <p>Aucune réponse à donner pour le candidat (la règle du candidat dit : « {desister.raison ?? confirmer.raison} »).</p>
      ) : (
        <Stack direction="horizontal" gap={2} className="flex-wrap">
          {confirmer.possible && (
            <Button disabled={confirmation.isPending} onClick={() => confirmation.mutate(chemin)}>
              Confirmer l’admission pour le candidat
            </Button>
          )}
          {desister.possible && (
            <Button
              variant="outline-danger"
              onClick={() => {
                desistement.reset();
                setDialogue(true);
              }}
            >
              Désister le candidat…
            </Button>
          )}
        </Stack>
      )}
      <Modal show={dialogue} onHide={() => setDialogue(false)} aria-labelledby={`desistement-${c.id}`} centered>
        <Modal.Header closeButton closeLabel="Fermer">
          <Modal.Title id={`desistement-${c.id}`} as="h2" className="h5">
            Désister le candidat de cette formation ?
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <p>Le désistement est définitif : le candidat perd sa place, qui passe au suivant de la liste complémentaire. Il en est prévenu par mail.</p>
          <Probleme erreur={desistement.error} />
        </Modal.Body>
        <Modal.Footer>
          <Button variant="outline-secondary" autoFocus onClick={() => setDialogue(false)}>
            Revenir sans rien changer
          </Button>
          <Button variant="danger" disabled={desistement.isPending} onClick={() => desistement.mutate(chemin)}>
            Confirmer le désistement
          </Button>
        </Modal.Footer>
      </Modal>
    </>
  );
}

function Historique({ c }: { c: Detail }) {
  if (c.historique.length === 0) return <p>Aucune action faite pour le candidat.</p>;
  return (
    <Table responsive size="sm">
      <caption className="visually-hidden">Actions faites pour le candidat, la plus ancienne en premier</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Action</th>
          <th scope="col">Détail</th>
          <th scope="col">Par</th>
        </tr>
      </thead>
      <tbody>
        {c.historique.map((h, i) => (
          <tr key={i}>
            <td>{dateLisible(h.createdAt)}</td>
            <th scope="row">{h.libelle}</th>
            <td>{h.detail ?? '—'}</td>
            <td>{h.par}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
