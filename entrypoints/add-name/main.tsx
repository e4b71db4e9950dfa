/**
 * The add-name page (issue 13 item 3), opened by the selection's context menu item
 * (entrypoints/background/name-menu.ts) in a small window, the selection in the URL's hash
 * (`#name=…`): the form (components/AddNameForm.tsx) with the name filled in, then the library
 * rescan's progress once saved. The hash is cleaned and cut like the menu's selection, since
 * anyone can type such a URL.
 */
import { render, type JSX } from 'preact';
import '../../components/ui.css';
import { AddNameForm } from '../../components/AddNameForm.tsx';
import { useDocumentLanguage, useSettings } from '../../components/hooks.ts';
import { RescanProgress } from '../../components/OwnNames.tsx';
import { nameFromHash } from '../../core/library/own-name.ts';
import { dirOf } from '../../lib/i18n.ts';

function AddNamePage(): JSX.Element {
  const settings = useSettings();
  const lang = settings?.lang ?? 'ar';
  useDocumentLanguage(lang, 'addNameTitle');
  return (
    <main class="add-name-page" lang={lang} dir={dirOf(lang)}>
      <AddNameForm lang={lang} titleLevel={1} start={{ name: nameFromHash(location.hash) }} />
      <RescanProgress lang={lang} />
    </main>
  );
}

render(<AddNamePage />, document.getElementById('app')!);
