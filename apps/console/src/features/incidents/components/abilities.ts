import { createContext, useContext } from 'react';

/**
 * What the signed-in user may do here (from the permission matrix, passed in by the route). The BFF enforces;
 * this only hides what would be refused, so a leader reading an incident sees no buttons that answer 403.
 */
export interface IncidentAbilities {
  /** incident:manage — create, acknowledge, note, resolve, close. */
  manage: boolean;
  /** unit:dispatch — see proposals, send and release units. */
  dispatch: boolean;
}

export const AbilitiesContext = createContext<IncidentAbilities>({ manage: false, dispatch: false });
export const useAbilities = () => useContext(AbilitiesContext);
