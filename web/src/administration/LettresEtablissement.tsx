import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Row from 'react-bootstrap/Row';
import { $api, api } from '../commun/api';
import { Chargement } from '../commun/Gabarit';
import { Probleme, Succes } from '../commun/Probleme';
import { ChampGestion, lireFormulaire } from '../gestion/ChampGestion';
import { Section } from '../gestion/Section';
import { ChampsSignataire } from './ChampsSignataire';
import { envoiFichier, ImageLettre } from './ImageLettre';
import { derniereModification, lignesAdresse, remplis } from './lettres';
import { relire } from './outils';

const TEXTES = ['nom', 'nomEn', 'signataireNom', 'signataireTitre', 'signataireTitreEn'] as const;
const relireEtablissement = () => relire('/api/lettres/etablissement');

/**
 * The block every letter prints: the institution's name and address, its logo, the signatory of the commissions that
 * name none and their signature. A field left blank: what the shipped letter prints.
 */
export function LettresEtablissement() {
  const etablissement = $api.useQuery('get', '/api/lettres/etablissement');
  const enregistrement = $api.useMutation('put', '/api/lettres/etablissement', { onSuccess: () => relireEtablissement() });
  const e = etablissement.data;
  return (
    <Section titre="Établissement">
      <p>L’en-tête de toutes les lettres, et le signataire des commissions qui n’en nomment aucun. Un champ vide : ce qu’imprime la lettre livrée avec l’application.</p>
      {etablissement.isPending && <Chargement />}
      <Probleme erreur={etablissement.error} />
      {e && (
        <>
          <p className="small text-body-secondary">{derniereModification(e.updatedBy, e.updatedAt, 'Jamais modifié : les lettres sont celles livrées avec l’application.')}</p>
          <Form
            noValidate
            aria-label="En-tête et signataire de l’établissement"
            onSubmit={(ev) => {
              const v = lireFormulaire(ev);
              enregistrement.mutate({ body: { ...remplis(v, TEXTES), adresse: lignesAdresse(v.adresse) } });
            }}
          >
            <Probleme erreur={enregistrement.error} />
            {enregistrement.isSuccess && <Succes>Établissement enregistré : les prochaines lettres l’impriment.</Succes>}
            <Row>
              <Col md={6}>
                <ChampGestion nom="nom" libelle="Nom de l’établissement" defaultValue={e.nom ?? ''} aide="Vide : le nom de l’application." erreur={enregistrement.error} />
              </Col>
              <Col md={6}>
                <ChampGestion nom="nomEn" libelle="Nom en anglais" defaultValue={e.nomEn ?? ''} aide="Vide : le nom français." erreur={enregistrement.error} />
              </Col>
            </Row>
            <ChampGestion nom="adresse" libelle="Adresse" lignes={4} defaultValue={e.adresse.join('\n')} aide="Une ligne de l’adresse par ligne, 6 au plus, de 100 caractères au plus." erreur={enregistrement.error} />
            <ChampsSignataire valeurs={e} aideNom="Signe les lettres des commissions qui n’en nomment aucun." erreur={enregistrement.error} />
            <Button type="submit" className="mb-4" disabled={enregistrement.isPending}>
              Enregistrer l’établissement
            </Button>
          </Form>
          <Row>
            <Col lg={6}>
              <ImageLettre
                textes={{ titre: 'Logo', envoyer: 'Envoyer le logo', retirer: 'Retirer le logo', enregistree: 'Logo enregistré.', retiree: 'Logo retiré.' }}
                image={e.logo}
                envoyer={(f) => api.PUT('/api/lettres/etablissement/{image}', { params: { path: { image: 'logo' } }, ...envoiFichier(f) })}
                retirer={() => api.DELETE('/api/lettres/etablissement/{image}', { params: { path: { image: 'logo' } } })}
                onChange={relireEtablissement}
              />
            </Col>
            <Col lg={6}>
              <ImageLettre
                textes={{ titre: 'Signature de l’établissement', envoyer: 'Envoyer la signature de l’établissement', retirer: 'Retirer la signature de l’établissement', enregistree: 'Signature enregistrée.', retiree: 'Signature retirée.' }}
                image={e.signature}
                envoyer={(f) => api.PUT('/api/lettres/etablissement/{image}', { params: { path: { image: 'signature' } }, ...envoiFichier(f) })}
                retirer={() => api.DELETE('/api/lettres/etablissement/{image}', { params: { path: { image: 'signature' } } })}
                onChange={relireEtablissement}
              />
            </Col>
          </Row>
        </>
      )}
    </Section>
  );
}
