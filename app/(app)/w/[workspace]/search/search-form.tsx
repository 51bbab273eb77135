type Values = { q: string; tag: string; author: string; claim: string; outlet: string; from: string; to: string };
type Choice = { id: string; name: string };
type Options = { tags: string[]; authors: Choice[]; outlets: Choice[] };

/**
 * The search controls: a plain GET form, so a search is a link to share and every control
 * works from the keyboard without script. Each control has a visible label.
 */
export function SearchForm({ values, options }: { values: Values; options: Options }) {
  return (
    <form method="get" role="search" aria-label="Search annotations" className="card form--inline">
      <div className="field">
        <label htmlFor="search-q">Words</label>
        <input id="search-q" name="q" type="search" defaultValue={values.q} maxLength={200} placeholder="e.g. “harbour district”" />
      </div>
      <div className="field">
        <label htmlFor="search-tag">Tag</label>
        <select id="search-tag" name="tag" defaultValue={values.tag}>
          <option value="">Any tag</option>
          {options.tags.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <ChoiceField name="author" label="Author" anyLabel="Anyone" value={values.author} choices={options.authors} />
      <div className="field">
        <label htmlFor="search-claim">Claim status</label>
        <select id="search-claim" name="claim" defaultValue={values.claim}>
          <option value="">Claims or not</option>
          <option value="ANY">Any claim</option>
          <option value="UNVERIFIED">Unverified</option>
          <option value="SUPPORTED">Supported</option>
          <option value="DISPUTED">Disputed</option>
          <option value="FALSE">False</option>
        </select>
      </div>
      <ChoiceField name="outlet" label="Outlet" anyLabel="Any outlet" value={values.outlet} choices={options.outlets} />
      <div className="field">
        <label htmlFor="search-from">Annotated from</label>
        <input id="search-from" name="from" type="date" defaultValue={values.from} />
      </div>
      <div className="field">
        <label htmlFor="search-to">Annotated until</label>
        <input id="search-to" name="to" type="date" defaultValue={values.to} />
      </div>
      <button type="submit" className="button">
        Search
      </button>
    </form>
  );
}

/** A labelled select of named records, its first option matching any of them. */
function ChoiceField({ name, label, anyLabel, value, choices }: { name: string; label: string; anyLabel: string; value: string; choices: Choice[] }) {
  return (
    <div className="field">
      <label htmlFor={`search-${name}`}>{label}</label>
      <select id={`search-${name}`} name={name} defaultValue={value}>
        <option value="">{anyLabel}</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}
