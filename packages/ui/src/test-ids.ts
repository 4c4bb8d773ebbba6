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
    /** Where the camera's live sub stream plays (the shared LivePlayer). */
    cameraPanelVideo: 'camera-panel-video',
    cameraPanelEvents: 'camera-panel-events',
    cameraPanelEvent: 'camera-panel-event',
    openOnWall: 'camera-panel-open-on-wall',
    popoverNearest: 'camera-panel-nearest',
    tooltip: 'map-tooltip',
    search: 'map-search',
    /** `data-kind` (camera, road, ward) and `data-id` name the hit. */
    searchHit: 'map-search-hit',
    kindFilter: (kind: string) => `map-kind-${kind}`,
    areaFilter: 'map-area-filter',
    ownerFilter: 'map-owner-filter',
    clearFilters: 'map-clear-filters',
    overlay: (key: string) => `map-overlay-${key}`,
    heatRange: 'map-heat-range',
    /** Violations summed by the heatmap (`data-value`). */
    heatTotal: 'map-heat-total',
    tools: 'map-tools',
    tool: (tool: string) => `map-tool-${tool}`,
    selectionDrawer: 'map-selection-drawer',
    /** The box/lasso selection: `data-count` cameras. */
    selectionBar: 'map-selection-bar',
    selectionDrag: 'map-selection-drag',
    sendToWall: 'map-send-to-wall',
    clearSelection: 'map-clear-selection',
    nearestPanel: 'map-nearest-panel',
    nearestItem: 'map-nearest-item',
    nearestToWall: 'map-nearest-to-wall',
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
