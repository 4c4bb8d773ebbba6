/**
 * The translation bundles: shared vocabulary (roles, camera states, event types…) in `app/i18n/locales`, and
 * each feature's own strings in `features/<feature>/i18n/<lng>.json` under a top-level key of its own. They are
 * found by file name, so adding a feature needs no edit here.
 */
type Bundle = Record<string, unknown>;

const files = import.meta.glob<Bundle>(['./locales/*.json', '../../features/*/i18n/*.json'], {
  eager: true,
  import: 'default',
});

/** Which file each top-level key came from, per language (a key defined twice is a mistake the test names). */
export const BUNDLE_FILES: Readonly<Record<string, Readonly<Record<string, Bundle>>>> = (() => {
  const byLanguage: Record<string, Record<string, Bundle>> = {};
  for (const [file, bundle] of Object.entries(files)) {
    const lng = /\/(\w+)\.json$/.exec(file)?.[1];
    if (!lng) continue;
    (byLanguage[lng] ??= {})[file] = bundle;
  }
  return byLanguage;
})();

function merged(lng: string): Bundle {
  return Object.assign({}, ...Object.values(BUNDLE_FILES[lng] ?? {})) as Bundle;
}

export const RESOURCES = {
  vi: { translation: merged('vi') },
  en: { translation: merged('en') },
};
