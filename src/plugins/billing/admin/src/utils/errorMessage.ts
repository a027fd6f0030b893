/** What useFetchClient throws for a non-2xx answer (its FetchError, not exported by @strapi/strapi/admin). */
interface ApiFailure {
  message?: string;
  response?: { data?: { error?: { message?: string } } };
}

/** The API's own error message (it names the field or the state) when there is one. */
export const errorMessage = (error: unknown): string => {
  const failure = (error ?? {}) as ApiFailure;
  return failure.response?.data?.error?.message || failure.message || 'Something went wrong';
};
