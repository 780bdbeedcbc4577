namespace ImagePipeline.Build.CI;

/// <summary>
/// The only shell in the workflows, each piece named: refusing a run outside the publishing branch, writing the age
/// key to a file, turning the plan JSON into job outputs, and the run report. Tests run each with bash and jq.
/// </summary>
internal static class WorkflowScripts
{
    /// <summary>The plan job's outputs: read by the sync job's matrix and condition, by prune and by the report.</summary>
    public const string PlannedOutput = "planned";

    public const string MatrixOutput = "matrix";

    public const string CountOutput = "count";

    public const string FailedOutput = "failed";

    /// <summary>Where the age identity lives while a job runs (the runner's per-job temp directory).</summary>
    public const string AgeKeyFile = "${RUNNER_TEMP}/sops-age-key.txt";

    /// <summary>Where the plan step writes the plan JSON.</summary>
    public const string PlanFile = "${RUNNER_TEMP}/plan.json";

    /// <summary>Where a sync leg writes its result (one file per image, so the report can merge every leg's).</summary>
    public const string ResultsDirectory = "${RUNNER_TEMP}/results";

    public static string RefuseOutsideBranch(ImageWorkflowSettings settings) => $$"""
        echo "::error::images-sync publishes from {{settings.BranchRef}} only; this run is for ${GITHUB_REF}. Run it on {{settings.Branch}}, or open a pull request to see the plan."
        exit 1
        """;

    /// <summary>
    /// Writes the <c>SOPS_AGE_KEY</c> step variable to a mode-600 file and points the build at it (<c>SOPS_AGE_KEY_FILE</c>);
    /// the key never reaches a command line. Sets the step output <c>present</c> when it did. Without the secret:
    /// <paramref name="missing"/> runs (an error and <c>exit 1</c>, or a notice and <c>exit 0</c>).
    /// </summary>
    public static string WriteAgeKey(string missing) => $$"""
        if [ -z "${SOPS_AGE_KEY}" ]; then
        {{Indent(missing, 2)}}
        fi
        key_file="{{AgeKeyFile}}"
        (umask 077 && printf '%s\n' "${SOPS_AGE_KEY}" > "${key_file}")
        chmod 600 "${key_file}"
        echo "SOPS_AGE_KEY_FILE=${key_file}" >> "${GITHUB_ENV}"
        echo "present=true" >> "${GITHUB_OUTPUT}"
        """;

    /// <summary>
    /// Runs the plan (<paramref name="plan"/> writes <see cref="PlanFile"/>) and hands it on as job outputs. An image that
    /// failed its check is data here, not the end of the plan: the outputs are written, the healthy images' legs run,
    /// and the step then exits with the build's status (1), so the plan job and the run still end red. A plan that did
    /// not read the store (or a usage error) writes no outputs, and nothing is synced.
    /// </summary>
    public static string PlanOutputs(BuildCommand plan) => $$"""
        plan="{{PlanFile}}"
        status=0
        {{plan}} || status=$?
        if [ "${status}" -gt 1 ] || [ ! -f "${plan}" ] || [ "$(jq -r '.storeWasRead' "${plan}")" != "true" ]; then
          echo "::error::The plan did not read the store (the build exited ${status}), so it cannot tell which images need work; nothing is synced."
          exit 1
        fi
        {
          echo "{{PlannedOutput}}=true"
          echo "{{MatrixOutput}}=$(jq -c '.{{ImageMatrix.Member}}' "${plan}")"
          echo "{{CountOutput}}=$(jq '.{{ImageMatrix.Member}}.include | length' "${plan}")"
          echo "{{FailedOutput}}=$(jq -c '[.images[] | select(.action == "failed") | {name, reason}]' "${plan}")"
        } >> "${GITHUB_OUTPUT}"
        exit "${status}"
        """;

    /// <summary>
    /// The run report: every job's result (from <c>NEEDS</c>, the <c>needs</c> context as JSON) and every image the run
    /// was about — those the plan failed and each leg's result from <c>RESULTS_DIR</c> — with the reason of each failure,
    /// into the run summary and as error annotations. Exits 1 when an image or a job failed.
    /// </summary>
    public const string Report = """
        shopt -s nullglob
        files=("${RESULTS_DIR}"/*.json)
        legs='[]'
        if [ "${#files[@]}" -gt 0 ]; then
          legs="$(jq -s '[.[].images[]]' "${files[@]}")"
        fi
        rows="$(jq -n --argjson needs "${NEEDS}" --argjson legs "${legs}" '
          def cell: tostring | gsub("[|\r\n]"; " ");
          def parsed($default): if . == null or . == "" then $default else fromjson end;
          ($needs.plan.outputs.matrix | parsed({include: []})) as $matrix
          | ($needs.plan.outputs.failed | parsed([])) as $failed
          | ($needs.sync.result // "skipped") as $sync
          | [ ($failed[] | {name, result: "failed (plan)", reason, failed: true}),
              ($matrix.include[].image as $image
                | (($legs | map(select(.name == $image)) | first)
                   // {name: $image,
                       result: (if $sync == "skipped" then "not run" else "no result" end),
                       reason: (if $sync == "skipped" then "" else "the leg ended before Sync wrote its result; see its log" end)})
                | {name,
                   result: (if .stage then "failed (\(.stage))" else .result end),
                   reason: (.reason // ""),
                   failed: (.result == "failed" or .result == "no result")}) ]
          | map(.name |= cell | .result |= cell | .reason |= cell)')"
        {
          echo "### images-sync"
          echo
          echo "| job | result |"
          echo "|---|---|"
          jq -r 'to_entries[] | "| \(.key) | \(.value.result) |"' <<< "${NEEDS}"
          echo
          echo "| image | result | reason |"
          echo "|---|---|---|"
          jq -r 'if length == 0 then "| (no image needed work) | | |" else .[] | "| \(.name) | \(.result) | \(.reason) |" end' <<< "${rows}"
        } >> "${GITHUB_STEP_SUMMARY}"
        jq -r '.[] | select(.failed) | "::error::\(.name): \(.result): \(.reason)"' <<< "${rows}"
        if jq -e 'any(.[]; .failed)' <<< "${rows}" > /dev/null \
          || jq -e 'any(.[]; .result == "failure" or .result == "cancelled")' <<< "${NEEDS}" > /dev/null; then
          echo "::error::images-sync did not complete: $(jq -r '[to_entries[] | "\(.key) \(.value.result)"] | join(", ")' <<< "${NEEDS}")"
          exit 1
        fi
        """;

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select(line => line.Length == 0 ? line : new string(' ', spaces) + line));
}
