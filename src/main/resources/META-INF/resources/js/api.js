// The one GraphQL request a page view sends: a GET, so the service's response cache and ETags serve repeated views.
export async function graphql(query, variables) {
  const params = new URLSearchParams({ query, variables: JSON.stringify(variables) });
  const response = await fetch('/graphql?' + params, { headers: { Accept: 'application/graphql-response+json, application/json' } });
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new Error(`The service answered ${response.status} without a GraphQL body`);
  }
  if (body.errors && body.errors.length) {
    const error = new Error(body.errors.map(e => e.message).join('; '));
    error.codes = body.errors.map(e => e.extensions && e.extensions.code);
    throw error;
  }
  return body.data;
}
