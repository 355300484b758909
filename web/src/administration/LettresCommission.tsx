import { useId, useState } from 'react';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Row from 'react-bootstrap/Row';
import type { Schemas } from '@client';
import { $api, api } from '../commun/api';
import { Chargement } from '../commun/Gabarit';
import { Probleme, Succes } from '../commun/Probleme';
import { ChampGestion, lireFormulaire } from '../gestion/ChampGestion';
import { Section } from '../gestion/Section';
import { ChampsSignataire } from './ChampsSignataire';
import { envoiFichier, ImageLettre } from './ImageLettre';
import { derniereModification, lignesAdresse, remplis } from './lettres';
import { relire } from './outils';

type Commission = Schemas['CommissionDto'];

const TEXTES = ['signataireNom', 'signataireTitre', 'signataireTitreEn', 'texte', 'texteEn'] as const;

/** The commissions, by centre then label, as the selects of the letters' screen offer them. */
export function useCommissions() {
  const commissions = $api.useQuery('get', '/api/offre/gestion/commissions', { params: { query: { limit: 200 } } }, { staleTime: 300_000 });
  const triees = [...(commissions.data?.items ?? [])].sort((a, b) => a.centreCode.localeCompare(b.centreCode, 'fr') || a.libelle.localeCompare(b.libelle, 'fr'));
  return { commissions, triees };
}

export const libelleCommission = (c: Commission) => `${c.centreCode} · ${c.libelle} (${c.code})`;

/** One commission's letters: its own signatory (and signature), sender's address and paragraph, over the institution's. */
export function LettresCommission() {
  const id = useId();
  const { commissions, triees } = useCommissions();
  const [choisie, setChoisie] = useState<number | null>(null);
  const commission = triees.find((c) => c.id === choisie);
  return (
    <Section titre="Réglages d’une commission">
      <p>Ce que les lettres d’une commission disent autrement que celles de l’établissement. Tout vide : ses lettres sont celles de l’établissement.</p>
      {commissions.isPending && <Chargement />}
      <Probleme erreur={commissions.error} />
      {commissions.data && (
        <Form.Group className="mb-3" controlId={`${id}-commission`}>
          <Form.Label>Commission</Form.Label>
          <Form.Select value={choisie ?? ''} onChange={(e) => setChoisie(e.currentTarget.value ? Number(e.currentTarget.value) : null)}>
            <option value="">Choisissez une commission</option>
            {triees.map((c) => (
              <option key={c.id} value={c.id}>
                {libelleCommission(c)}
              </option>
            ))}
          </Form.Select>
          {commissions.data.total > triees.length && <Form.Text muted>Les {triees.length} premières commissions sur {commissions.data.total}.</Form.Text>}
        </Form.Group>
      )}
      {commission && <ReglagesCommission key={commission.id} commission={commission} />}
    </Section>
  );
}

function ReglagesCommission({ commission: c }: { commission: Commission }) {
  const path = { id: c.id };
  const lettre = $api.useQuery('get', '/api/offre/gestion/commissions/{id}/lettre', { params: { path } });
  const relireLettre = () => relire('/api/offre/gestion/commissions/{id}/lettre');
  const enregistrement = $api.useMutation('put', '/api/offre/gestion/commissions/{id}/lettre', { onSuccess: () => relireLettre() });
  const l = lettre.data;
  return (
    <>
      {lettre.isPending && <Chargement />}
      <Probleme erreur={lettre.error} />
      {l && (
        <>
          <p className="small text-body-secondary">{derniereModification(l.updatedBy, l.updatedAt, 'Jamais modifiée : les lettres de cette commission sont celles de l’établissement.')}</p>
          <Form
            noValidate
            aria-label={`Lettres de la commission ${c.libelle}`}
            onSubmit={(ev) => {
              const v = lireFormulaire(ev);
              enregistrement.mutate({ params: { path }, body: { ...remplis(v, TEXTES), adresse: lignesAdresse(v.adresse) } });
            }}
          >
            <Probleme erreur={enregistrement.error} />
            {enregistrement.isSuccess && <Succes>Lettres de la commission {c.libelle} enregistrées.</Succes>}
            <ChampsSignataire
              valeurs={l}
              de=" de la commission"
              aideNom={`Vide : ${c.signataire ? `« ${c.signataire} », le signataire de la commission` : 'le signataire de l’établissement'}.`}
              erreur={enregistrement.error}
            />
            <ChampGestion nom="adresse" libelle="Adresse de l’expéditeur" lignes={4} defaultValue={l.adresse.join('\n')} aide="Une ligne par ligne, 6 au plus ; vide : l’adresse postale de la commission." erreur={enregistrement.error} />
            <Row>
              <Col md={6}>
                <ChampGestion nom="texte" libelle="Paragraphe de la commission" lignes={4} defaultValue={l.texte ?? ''} aide="Imprimé dans toutes ses lettres." erreur={enregistrement.error} />
              </Col>
              <Col md={6}>
                <ChampGestion nom="texteEn" libelle="Paragraphe de la commission en anglais" lignes={4} defaultValue={l.texteEn ?? ''} aide="Vide : le paragraphe français." erreur={enregistrement.error} />
              </Col>
            </Row>
            <Button type="submit" className="mb-4" disabled={enregistrement.isPending}>
              Enregistrer les lettres de la commission
            </Button>
          </Form>
          <ImageLettre
            textes={{ titre: 'Signature de la commission', envoyer: 'Envoyer la signature de la commission', retirer: 'Retirer la signature de la commission', enregistree: 'Signature de la commission enregistrée.', retiree: 'Signature de la commission retirée.' }}
            image={l.signature}
            envoyer={(f) => api.PUT('/api/offre/gestion/commissions/{id}/lettre/signature', { params: { path }, ...envoiFichier(f) })}
            retirer={() => api.DELETE('/api/offre/gestion/commissions/{id}/lettre/signature', { params: { path } })}
            onChange={relireLettre}
          />
        </>
      )}
    </>
  );
}
