import { useId, useState } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import type { Schemas } from '@client';
import { $api, api } from '../commun/api';
import { useTextes } from '../commun/langue';
import { Probleme } from '../commun/Probleme';
import { useTelechargement } from '../commun/telechargement';
import { TEXTES_CANDIDATURES } from './textes';

type Candidature = Schemas['CandidatureDto'];
type Piece = Schemas['PieceCandidatureDto'];

const COULEURS: Record<Piece['statut'], string> = { AT: 'warning', TR: 'info', VA: 'success', RE: 'danger', NC: 'secondary' };

/**
 * The pièces justificatives of a candidature: their statut (a refused one with the staff's comment), the file given,
 * the model to download; while « déposer des pièces » is allowed, upload or replace a file (multipart through the
 * client), declare « non concerné » a conditional one, delete what was given. Every change answers the récapitulatif.
 */
export function Pieces({ candidature, onChange }: { candidature: Candidature; onChange: (c: Candidature) => void }) {
  const modifiable = candidature.actions.deposerPieces.possible;
  return (
    <ul className="list-unstyled">
      {candidature.pieces.map((p) => (
        <LignePiece key={p.id} candidatureId={candidature.id} piece={p} modifiable={modifiable} onChange={onChange} />
      ))}
    </ul>
  );
}

function LignePiece({ candidatureId, piece: p, modifiable, onChange }: { candidatureId: number; piece: Piece; modifiable: boolean; onChange: (c: Candidature) => void }) {
  const id = useId();
  const t = useTextes(TEXTES_CANDIDATURES);
  const [fichier, setFichier] = useState<File | null>(null);
  const [cle, setCle] = useState(0);
  const chemin = { params: { path: { id: candidatureId, pieceId: p.id } } };
  const succes = (c: Candidature) => {
    setFichier(null);
    setCle((n) => n + 1);
    onChange(c);
  };
  const depot = $api.useMutation('put', '/api/candidat/candidatures/{id}/pieces/{pieceId}/fichier', { onSuccess: succes });
  const nonConcerne = $api.useMutation('put', '/api/candidat/candidatures/{id}/pieces/{pieceId}/non-concerne', { onSuccess: succes });
  const suppression = $api.useMutation('delete', '/api/candidat/candidatures/{id}/pieces/{pieceId}', { onSuccess: succes });
  const telechargement = useTelechargement(p.fichier ?? 'piece');
  const erreur = depot.error ?? nonConcerne.error ?? suppression.error ?? telechargement.error;
  const enCours = depot.isPending || nonConcerne.isPending || suppression.isPending;
  const donnee = p.fichier !== null || p.statut === 'NC';
  return (
    <li className="border rounded p-3 mb-3" aria-labelledby={`${id}-libelle`}>
      <div className="d-flex flex-wrap justify-content-between gap-2">
        <h3 id={`${id}-libelle`} className="h6 mb-1">
          {p.libelle}
          {p.conditionnel && <span className="fw-normal fst-italic">{t.siConcerne}</span>}
        </h3>
        <span className={`badge align-self-start text-bg-${COULEURS[p.statut]}`}>{p.statutLibelle}</span>
      </div>
      {p.fichier && (
        <p className="mb-1">
          {t.fichierDepose} {p.fichier}{' '}
          <Button variant="link" className="p-0 align-baseline" onClick={() => telechargement.mutate(() => api.GET('/api/candidat/candidatures/{id}/pieces/{pieceId}/fichier', { ...chemin, parseAs: 'blob' }))}>
            {t.telecharger}
          </Button>
        </p>
      )}
      {p.commentaire && (
        <p className="mb-1 text-danger-emphasis">
          {t.commentaireScolarite} {p.commentaire}
        </p>
      )}
      {p.partagee && <p className="mb-1 small text-body-secondary">{t.partagee}</p>}
      {p.modele && (
        <p className="mb-1">
          <a href={`/api/offre/pieces/${p.id}/modele`}>{t.telechargerModele}</a>
        </p>
      )}
      <Probleme erreur={erreur} />
      {modifiable && p.statut !== 'VA' && (
        <div className="d-flex flex-wrap align-items-end gap-2 mt-2">
          <Form
            className="d-flex flex-wrap align-items-end gap-2"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!fichier) return;
              depot.mutate({
                ...chemin,
                // The contract types the binary part as a string (format: binary): the body names the file, the
                // FormData sent carries it.
                body: { fichier: fichier.name },
                bodySerializer: () => {
                  const donnees = new FormData();
                  donnees.append('fichier', fichier);
                  return donnees;
                },
              });
            }}
          >
            <Form.Group controlId={`${id}-fichier`}>
              <Form.Label className="small mb-1">
                {t.fichier(p.fichier !== null, p.libelle)}
              </Form.Label>
              <Form.Control key={cle} type="file" size="sm" accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFichier((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
            </Form.Group>
            <Button type="submit" size="sm" disabled={!fichier || enCours}>
              {t.deposer}
            </Button>
          </Form>
          {p.conditionnel && p.statut !== 'NC' && (
            <Button size="sm" variant="outline-secondary" disabled={enCours} onClick={() => nonConcerne.mutate(chemin)} aria-describedby={`${id}-libelle`}>
              {t.nonConcerne}
            </Button>
          )}
          {donnee && (
            <Button size="sm" variant="outline-danger" disabled={enCours} onClick={() => suppression.mutate(chemin)} aria-describedby={`${id}-libelle`}>
              {t.supprimer}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
