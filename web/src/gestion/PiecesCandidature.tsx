import { useState } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Modal from 'react-bootstrap/Modal';
import Stack from 'react-bootstrap/Stack';
import Table from 'react-bootstrap/Table';
import type { Schemas } from '@client';
import { $api, queryClient } from '../commun/api';
import { Probleme, Succes } from '../commun/Probleme';
import { ChampGestion, lireFormulaire } from './ChampGestion';
import { ouvrirPiece } from './telechargement';

type Piece = Schemas['PieceCandidatureDto'];

/**
 * The pièces of a candidature and their check (PUT /api/candidatures/{id}/pieces/{pieceId}/statut): each file opened
 * in a new tab; validated; refused with a comment the candidate sees (a dialog); back to transmise; on paper, missing.
 */
export function PiecesCandidature({ candidatureId, pieces, demat }: { candidatureId: number; pieces: Piece[]; demat: boolean }) {
  const [aRefuser, setARefuser] = useState<Piece | null>(null);
  const [fait, setFait] = useState<string | null>(null);
  const [erreurFichier, setErreurFichier] = useState<unknown>(null);
  const statut = $api.useMutation('put', '/api/candidatures/{id}/pieces/{pieceId}/statut', {
    onSuccess: (p) => {
      setFait(`« ${p.libelle} » : ${p.statutLibelle.toLowerCase()}.`);
      setARefuser(null);
      void queryClient.invalidateQueries();
    },
  });
  const changer = (piece: Piece, nouveau: 'VA' | 'RE' | 'TR' | 'AT', commentaire?: string) =>
    statut.mutate({ params: { path: { id: candidatureId, pieceId: piece.id } }, body: { statut: nouveau, ...(commentaire ? { commentaire } : {}) } });

  return (
    <>
      {fait && <Succes>{fait}</Succes>}
      {!aRefuser && <Probleme erreur={statut.error} />}
      <Probleme erreur={erreurFichier} />
      {!demat && <p>Dossier papier : les pièces arrivent par courrier ; notez ce qui est reçu, validé, refusé ou manquant.</p>}
      <Table responsive>
        <caption className="visually-hidden">Pièces justificatives</caption>
        <thead>
          <tr>
            <th scope="col">Pièce</th>
            <th scope="col">Statut</th>
            <th scope="col">Fichier</th>
            <th scope="col">Vérification</th>
          </tr>
        </thead>
        <tbody>
          {pieces.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {p.libelle}
                {p.conditionnel && <div className="small text-body-secondary">Conditionnelle</div>}
              </th>
              <td>
                {p.statutLibelle}
                {p.commentaire && <div className="small">Commentaire : {p.commentaire}</div>}
              </td>
              <td>
                {p.fichier ? (
                  <Button
                    variant="link"
                    className="p-0 text-start"
                    aria-label={`Ouvrir ${p.fichier} (${p.libelle}) dans un nouvel onglet`}
                    onClick={() => {
                      setErreurFichier(null);
                      void ouvrirPiece(candidatureId, p.id).then(setErreurFichier);
                    }}
                  >
                    {p.fichier}
                  </Button>
                ) : (
                  '—'
                )}
              </td>
              <td>
                <Stack direction="horizontal" gap={2} className="flex-wrap">
                  {p.statut !== 'VA' && (
                    <Button size="sm" variant="outline-success" disabled={statut.isPending} onClick={() => changer(p, 'VA')} aria-label={`Valider « ${p.libelle} »`}>
                      Valider
                    </Button>
                  )}
                  {p.statut !== 'RE' && (
                    <Button size="sm" variant="outline-danger" onClick={() => {
                        statut.reset();
                        setARefuser(p);
                      }} aria-label={`Refuser « ${p.libelle} »`}>
                      Refuser…
                    </Button>
                  )}
                  {(p.statut === 'VA' || p.statut === 'RE' || !demat) && p.statut !== 'TR' && (
                    <Button size="sm" variant="outline-secondary" disabled={statut.isPending} onClick={() => changer(p, 'TR')} aria-label={`Remettre « ${p.libelle} » à vérifier`}>
                      {demat ? 'À revoir' : 'Reçue'}
                    </Button>
                  )}
                  {!demat && p.statut !== 'AT' && (
                    <Button size="sm" variant="outline-secondary" disabled={statut.isPending} onClick={() => changer(p, 'AT')} aria-label={`Marquer « ${p.libelle} » manquante`}>
                      Manquante
                    </Button>
                  )}
                </Stack>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Modal show={aRefuser !== null} onHide={() => setARefuser(null)} aria-labelledby="titre-refus">
        <Form
          noValidate
          onSubmit={(e) => {
            const v = lireFormulaire(e);
            if (aRefuser) changer(aRefuser, 'RE', v.commentaire);
          }}
        >
          <Modal.Header closeButton closeLabel="Fermer">
            <Modal.Title id="titre-refus" as="h2" className="h5">
              Refuser « {aRefuser?.libelle} »
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Probleme erreur={statut.error} />
            <ChampGestion nom="commentaire" libelle="Commentaire pour le candidat" lignes={3} required autoFocus erreur={statut.error} aide="Dites au candidat ce qui ne va pas : il le lit dans son récapitulatif." />
          </Modal.Body>
          <Modal.Footer>
            <Button variant="outline-secondary" onClick={() => setARefuser(null)}>
              Annuler
            </Button>
            <Button type="submit" variant="danger" disabled={statut.isPending}>
              Refuser la pièce
            </Button>
          </Modal.Footer>
        </Form>
      </Modal>
    </>
  );
}
