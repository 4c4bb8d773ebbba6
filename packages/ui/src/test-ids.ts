/**
 * The test-id registry: the only place `data-testid` values are spelled. Components import it to render the ids,
 * e2e specs import it to find them, so a rename cannot silently break a spec.
 */
export const testIds = {
  app: {
    loading: 'app-loading',
    skipLink: 'skip-to-content',
    main: 'app-main',
    forbidden: 'forbidden',
    notFound: 'not-found',
  },
  login: {
    page: 'login-page',
    form: 'login-form',
    username: 'login-username',
    password: 'login-password',
    submit: 'login-submit',
    error: 'login-error',
    /** Why the user was sent back to sign in (session expired or revoked). */
    notice: 'login-notice',
  },
  shell: {
    header: 'app-header',
    title: 'app-title',
    connection: 'connection-indicator',
    userMenu: 'user-menu',
    userName: 'user-name',
    userRole: 'user-role',
    logout: 'logout-button',
    languageSwitch: 'language-switch',
    language: (lng: string) => `language-${lng}`,
    navigation: 'main-nav',
    nav: (name: string) => `nav-${name}`,
  },
  toast: {
    region: 'toast-region',
    item: 'toast',
    dismiss: 'toast-dismiss',
  },
  map: {
    page: 'map-page',
    canvas: 'map-canvas',
    error: 'map-error',
    legend: 'map-legend',
    /** One toggle per camera state: shows the count (`data-count`) and filters (`aria-pressed`). */
    legendItem: (state: string) => `map-legend-${state}`,
    unitsToggle: 'map-units-toggle',
    visibleCount: 'map-visible-count',
    cameraPanel: 'camera-panel',
    cameraPanelClose: 'camera-panel-close',
    cameraPanelName: 'camera-panel-name',
    cameraPanelStatus: 'camera-panel-status',
  },
  events: {
    page: 'events-page',
    filters: 'events-filters',
    severity: (s: string) => `events-severity-${s}`,
    typeMenu: 'events-type-menu',
    type: (t: string) => `events-type-${t}`,
    area: 'events-area',
    camera: 'events-camera',
    clearFilters: 'events-clear-filters',
    status: 'events-status',
    /** `data-count`: how many events the list shows. */
    count: 'events-count',
    pause: 'events-pause',
    resume: 'events-resume',
    /** `data-count`: events held back while paused. */
    arrived: 'events-arrived',
    list: 'events-list',
    empty: 'events-empty',
    /** One per event: `data-event-id`, `data-type`, `data-severity`. */
    row: 'event-row',
    delayed: 'event-delayed',
    openOnWall: 'event-open-on-wall',
    showOnMap: 'event-show-on-map',
  },
  deadLetters: {
    page: 'dead-letters-page',
    search: 'dead-letters-search',
    empty: 'dead-letters-empty',
    row: 'dead-letter',
    reason: 'dead-letter-reason',
    payload: 'dead-letter-payload',
  },
  overview: {
    page: 'overview-page',
    cameraSummary: 'camera-summary',
    /** `total`, `online`, `offline` or `degraded`; the number is the element's text and `data-value`. */
    cameraCount: (state: string) => `camera-count-${state}`,
    events: 'recent-events',
    eventItem: 'recent-event',
    units: 'unit-summary',
    unitCount: (status: string) => `unit-count-${status}`,
  },
} as const;
