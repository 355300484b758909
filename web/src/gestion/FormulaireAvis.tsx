import { useState } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Row from 'react-bootstrap/Row';
import Col from 'react-bootstrap/Col';
import type { Schemas } from '@client';
import { $api, queryClient } from '../commun/api';
import { Probleme, Succes } from '../commun/Probleme';
import { ChampGestion, lireFormulaire } from './ChampGestion';
import { TYPES_AVIS } from './filtres';

type TypeAvis = Schemas['TypeAvis'];

/**
 * Enters an avis (POST /api/candidatures/avis) on one candidature or a selection: every family, with what each needs
 * (défavorable: a motif; liste complémentaire: a rank; présélection: day, time, place) and, when the institution
 * defined some, a type de décision of the family (« Avis favorable sous réserve »), unvalidated until validated.
 */
export function FormulaireAvis({ candidatureIds, onFait }: { candidatureIds: number[]; onFait?: () => void }) {
  const [type, setType] = useState<TypeAvis>('FA');
  const motifs = $api.useQuery('get', '/api/candidatures/motifs-avis', {}, { staleTime: Infinity });
  const typesDecision = $api.useQuery('get', '/api/candidatures/types-decision', {}, { staleTime: Infinity });
  // The family's model is what an avis naming no type means; the institution's own types of the family are offered beside it.
  const modele = (typesDecision.data ?? []).find((t) => t.famille === type && t.modele);
  const typesDeLaFamille = (typesDecision.data ?? []).filter((t) => t.famille === type && t.actif && !t.modele);
  const saisie = $api.useMutation('post', '/api/candidatures/avis', {
    onSuccess: () => {
      void queryClient.invalidateQueries();
      onFait?.();
    },
  });
  return (
    <Form
      noValidate
      aria-label="Saisir un avis"
      onSubmit={(e) => {
        const v = lireFormulaire(e);
        saisie.mutate({
          body: {
            candidatureIds,
            type,
            ...(v.typeDecision && typesDeLaFamille.some((t) => t.code === v.typeDecision) ? { typeDecision: v.typeDecision } : {}),
            ...(type === 'DE' && v.motif ? { motif: v.motif } : {}),
            ...(type === 'LC' && v.rang ? { rang: Number(v.rang) } : {}),
            ...(type === 'PR' ? { preselectionDate: v.preselectionDate || undefined, preselectionHeure: v.preselectionHeure || undefined, preselectionLieu: v.preselectionLieu || undefined } : {}),
            ...(v.dateReunion ? { dateReunion: v.dateReunion } : {}),
            ...(v.commentaire ? { commentaire: v.commentaire } : {}),
            commentaireVisible: v.commentaireVisible === 'on',
          },
        });
      }}
    >
      <Probleme erreur={saisie.error} />
      {saisie.isSuccess && <Succes>Avis enregistré ({saisie.data.length}), non validé : le candidat ne le voit pas encore.</Succes>}
      <Row>
        <Col md={4}>
          <ChampGestion nom="type" libelle="Avis" options={TYPES_AVIS} defaultValue={type} onChange={(t) => setType(t as TypeAvis)} erreur={saisie.error} required />
        </Col>
        {typesDeLaFamille.length > 0 && (
          <Col md={8}>
            <ChampGestion
              nom="typeDecision"
              libelle="Type de décision"
              options={{ '': modele?.libelle ?? '—', ...Object.fromEntries(typesDeLaFamille.map((t) => [t.code, t.libelle])) }}
              erreur={saisie.error}
            />
          </Col>
        )}
        {type === 'DE' && (
          <Col md={8}>
            <ChampGestion
              nom="motif"
              libelle="Motif du refus"
              options={{ '': '—', ...Object.fromEntries((motifs.data ?? []).filter((m) => m.actif).map((m) => [m.code, m.libelle])) }}
              erreur={saisie.error}
              required
            />
          </Col>
        )}
        {type === 'LC' && (
          <Col md={4}>
            <ChampGestion nom="rang" libelle="Rang sur la liste complémentaire" type="number" erreur={saisie.error} required />
          </Col>
        )}
        {type === 'PR' && (
          <>
            <Col md={4}>
              <ChampGestion nom="preselectionDate" libelle="Date de l’entretien" type="date" erreur={saisie.error} required />
            </Col>
            <Col md={4}>
              <ChampGestion nom="preselectionHeure" libelle="Heure" type="time" erreur={saisie.error} required />
            </Col>
            <Col md={12}>
              <ChampGestion nom="preselectionLieu" libelle="Lieu" erreur={saisie.error} required />
            </Col>
          </>
        )}
        <Col md={4}>
          <ChampGestion nom="dateReunion" libelle="Date de la réunion de la commission" type="date" erreur={saisie.error} aide="Citée dans la lettre au candidat." />
        </Col>
      </Row>
      <ChampGestion nom="commentaire" libelle="Commentaire" lignes={2} erreur={saisie.error} />
      <Form.Check className="mb-3" id={`visible-${candidatureIds.join('-')}`} name="commentaireVisible" label="Le candidat voit ce commentaire" />
      <Button type="submit" disabled={saisie.isPending}>
        Enregistrer l’avis
      </Button>
    </Form>
  );
}
