import { useState } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import type { Schemas } from '@client';
import { $api } from '../commun/api';
import { Champ } from '../commun/Champ';
import { ChoixCommune } from './Commune';
import { Selection, valeursRemplies } from './champs';
import { FRANCE, optionsPays, usePays } from './referentiels';
import { Retour } from './Retour';
import { siVersion, useRechargerDossier } from './version';

/**
 * The postal address: PUT /api/candidat/adresse. In France the commune is typed and chosen (autocomplete), then its
 * postal code among the commune's; abroad, the city.
 */
export function SectionAdresse({ adresse }: { adresse: Schemas['AdresseDto'] | null }) {
  const recharger = useRechargerDossier();
  const pays = usePays();
  const [paysAdresse, setPaysAdresse] = useState(adresse?.pays ?? FRANCE);
  const [codesPostaux, setCodesPostaux] = useState<string[]>(adresse?.codePostal ? [adresse.codePostal] : []);
  const [codePostal, setCodePostal] = useState(adresse?.codePostal ?? '');
  const enregistrement = $api.useMutation('put', '/api/candidat/adresse', { onSettled: () => recharger() });
  return (
    <Form
      noValidate
      aria-label="Adresse"
      onSubmit={(e) => {
        e.preventDefault();
        const v = valeursRemplies(e.currentTarget);
        const enFrance = v.pays === FRANCE;
        enregistrement.mutate({
          params: siVersion(adresse?.version),
          body: {
            pays: v.pays ?? '',
            ligne1: v.ligne1 ?? '',
            ligne2: v.ligne2,
            ligne3: v.ligne3,
            codePostal: enFrance ? v.codePostal : undefined,
            commune: enFrance ? v.commune : undefined,
            cedex: enFrance ? v.cedex : undefined,
            villeEtrangere: enFrance ? undefined : v.villeEtrangere,
          },
        });
      }}
    >
      <Retour erreur={enregistrement.error} succes={enregistrement.isSuccess && 'Votre adresse est enregistrée.'} />
      <Selection nom="pays" libelle="Pays" options={optionsPays(pays)} valeur={paysAdresse} onChange={setPaysAdresse} erreur={enregistrement.error} />
      <Champ nom="ligne1" libelle="Adresse (numéro et voie)" autoComplete="address-line1" defaultValue={adresse?.ligne1} erreur={enregistrement.error} />
      <Champ nom="ligne2" libelle="Complément d’adresse" autoComplete="address-line2" defaultValue={adresse?.ligne2} erreur={enregistrement.error} required={false} />
      <Champ nom="ligne3" libelle="Complément d’adresse (suite)" autoComplete="address-line3" defaultValue={adresse?.ligne3} erreur={enregistrement.error} required={false} />
      {paysAdresse === FRANCE ? (
        <>
          <ChoixCommune
            nom="commune"
            libelle="Commune"
            code={adresse?.commune}
            codePostal={adresse?.codePostal}
            erreur={enregistrement.error}
            onChoix={(commune) => {
              const codes = commune?.codesPostaux ?? [];
              setCodesPostaux(codes);
              setCodePostal(codes.length === 1 ? codes[0] : '');
            }}
          />
          <Selection
            nom="codePostal"
            libelle="Code postal"
            options={codesPostaux.map((c) => ({ valeur: c, libelle: c }))}
            valeur={codePostal}
            onChange={setCodePostal}
            vide={codesPostaux.length === 0 ? 'Choisissez d’abord la commune' : 'Choisir…'}
            erreur={enregistrement.error}
          />
          <Champ nom="cedex" libelle="Cedex" defaultValue={adresse?.cedex} erreur={enregistrement.error} required={false} />
        </>
      ) : (
        <Champ nom="villeEtrangere" libelle="Ville" autoComplete="address-level2" defaultValue={adresse?.villeEtrangere} erreur={enregistrement.error} />
      )}
      <Button type="submit" disabled={enregistrement.isPending}>
        Enregistrer mon adresse
      </Button>
    </Form>
  );
}
