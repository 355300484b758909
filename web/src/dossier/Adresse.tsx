import { useState } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import type { Schemas } from '@client';
import { $api } from '../commun/api';
import { Champ } from '../commun/Champ';
import { useTextes } from '../commun/langue';
import { ChoixCommune } from './Commune';
import { Selection, valeursRemplies } from './champs';
import { FRANCE, optionsPays, usePays } from './referentiels';
import { Retour } from './Retour';
import { TEXTES_DOSSIER } from './textes';
import { siVersion, useRechargerDossier } from './version';

/**
 * The postal address: PUT /api/candidat/adresse. In France the commune is typed and chosen (autocomplete), then its
 * postal code among the commune's; abroad, the city.
 */
export function SectionAdresse({ adresse }: { adresse: Schemas['AdresseDto'] | null }) {
  const t = useTextes(TEXTES_DOSSIER);
  const recharger = useRechargerDossier();
  const pays = usePays();
  const [paysAdresse, setPaysAdresse] = useState(adresse?.pays ?? FRANCE);
  const [codesPostaux, setCodesPostaux] = useState<string[]>(adresse?.codePostal ? [adresse.codePostal] : []);
  const [codePostal, setCodePostal] = useState(adresse?.codePostal ?? '');
  const enregistrement = $api.useMutation('put', '/api/candidat/adresse', { onSettled: () => recharger() });
  return (
    <Form
      noValidate
      aria-label={t.adresse}
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
      <Retour erreur={enregistrement.error} succes={enregistrement.isSuccess && t.adresseEnregistree} />
      <Selection nom="pays" libelle={t.pays} options={optionsPays(pays)} valeur={paysAdresse} onChange={setPaysAdresse} erreur={enregistrement.error} />
      <Champ nom="ligne1" libelle={t.ligne1} autoComplete="address-line1" defaultValue={adresse?.ligne1} erreur={enregistrement.error} />
      <Champ nom="ligne2" libelle={t.ligne2} autoComplete="address-line2" defaultValue={adresse?.ligne2} erreur={enregistrement.error} required={false} />
      <Champ nom="ligne3" libelle={t.ligne3} autoComplete="address-line3" defaultValue={adresse?.ligne3} erreur={enregistrement.error} required={false} />
      {paysAdresse === FRANCE ? (
        <>
          <ChoixCommune
            nom="commune"
            libelle={t.commune}
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
            libelle={t.codePostal}
            options={codesPostaux.map((c) => ({ valeur: c, libelle: c }))}
            valeur={codePostal}
            onChange={setCodePostal}
            vide={codesPostaux.length === 0 ? t.communeDabord : t.choisir}
            erreur={enregistrement.error}
          />
          <Champ nom="cedex" libelle={t.cedex} defaultValue={adresse?.cedex} erreur={enregistrement.error} required={false} />
        </>
      ) : (
        <Champ nom="villeEtrangere" libelle={t.ville} autoComplete="address-level2" defaultValue={adresse?.villeEtrangere} erreur={enregistrement.error} />
      )}
      <Button type="submit" disabled={enregistrement.isPending}>
        {t.enregistrerAdresse}
      </Button>
    </Form>
  );
}
