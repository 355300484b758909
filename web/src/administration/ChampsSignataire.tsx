import Col from 'react-bootstrap/Col';
import Row from 'react-bootstrap/Row';
import type { ChampProps } from '../commun/Champ';
import { ChampGestion } from '../gestion/ChampGestion';

type Signataire = { signataireNom: string | null; signataireTitre: string | null; signataireTitreEn: string | null };

/**
 * Who signs the letters: name, title, English title; the institution's, or a commission's (`de`: « de la commission »,
 * added to each label).
 */
export function ChampsSignataire({ valeurs, de = '', aideNom, erreur }: { valeurs: Signataire; de?: string; aideNom: string; erreur: ChampProps['erreur'] }) {
  return (
    <Row>
      <Col md={4}>
        <ChampGestion nom="signataireNom" libelle={`Signataire${de}`} defaultValue={valeurs.signataireNom ?? ''} aide={aideNom} erreur={erreur} />
      </Col>
      <Col md={4}>
        <ChampGestion nom="signataireTitre" libelle={`Titre du signataire${de}`} defaultValue={valeurs.signataireTitre ?? ''} erreur={erreur} />
      </Col>
      <Col md={4}>
        <ChampGestion nom="signataireTitreEn" libelle={`Titre du signataire${de} en anglais`} defaultValue={valeurs.signataireTitreEn ?? ''} aide="Vide : le titre français." erreur={erreur} />
      </Col>
    </Row>
  );
}
