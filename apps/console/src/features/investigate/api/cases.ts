import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { CaseItemCreate } from '@c2/api-client/schemas/investigate';
import { api } from '../../../lib/api';

export const casesQuery = () =>
  queryOptions({
    queryKey: queryKeys.investigate.cases(),
    queryFn: () => api.investigate.cases(),
    staleTime: 30_000,
  });
export const useCases = () => useQuery(casesQuery());

export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.investigate.case(id),
    queryFn: () => api.investigate.case(id),
    staleTime: 30_000,
  });
export const useCaseFile = (id: string) => useQuery(caseQuery(id));

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; description?: string }) => api.investigate.createCase(body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.investigate.cases() }),
  });
}

export function useAddCaseItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, item }: { caseId: string; item: CaseItemCreate }) =>
      api.investigate.addItem(caseId, item),
    onSuccess: (_item, { caseId }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.investigate.cases() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.investigate.case(caseId) });
    },
  });
}

export function useRemoveCaseItem(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (itemId: string) => api.investigate.removeItem(caseId, itemId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.investigate.case(caseId) }),
  });
}

export function useAddCaseNote(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api.investigate.addNote(caseId, text),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.investigate.case(caseId) }),
  });
}

export function useUpdateCase(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: { status?: 'open' | 'closed' }) => api.investigate.updateCase(caseId, patch),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.investigate.case(caseId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.investigate.cases() });
    },
  });
}
