/** Where, in words: the address, and the area unless the address already names it (camera names often do). */
export function placeLabel(address: string | null, areaName: string): string {
  if (!address) return areaName;
  return address.includes(areaName) ? address : `${address} · ${areaName}`;
}
