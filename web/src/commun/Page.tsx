import { useEffect, useRef } from 'react';
import { useSite } from './site';

let premiere = true;

/**
 * A page's frame: its title in the tab (« titre · établissement ») and its <h1>, which takes the focus when the page
 * is reached by navigation (not on the first load), so a screen reader says where the user arrived.
 */
export function Page({ titre, children }: { titre: string; children: React.ReactNode }) {
  const site = useSite();
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${titre} · ${site.nom}`;
  }, [titre, site.nom]);
  useEffect(() => {
    if (premiere) {
      premiere = false;
      // When the first page became readable (measured by e2e/mesures.spec.ts).
      performance.mark('titre-affiche');
    } else h1.current?.focus();
  }, [titre]);
  return (
    <>
      <h1 ref={h1} tabIndex={-1} className="mb-4">
        {titre}
      </h1>
      {children}
    </>
  );
}
