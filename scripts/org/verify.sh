#!/usr/bin/env bash
# Verifies the whole package in a fresh scratch org: builds and checks the deploy output, creates a
# scratch org from a Dev Hub, deploys, assigns the Qwil_Messenger_User permission set, runs every
# Apex test with code coverage, prints the result, and deletes the org (also when a step fails).
#
# Usage: scripts/org/verify.sh [dev-hub-alias]
#   Without an alias the Salesforce CLI's default Dev Hub is used (sf config set target-dev-hub=...).
#   Needs the Salesforce CLI (sf) and a Dev Hub you are logged in to.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v sf >/dev/null; then
    echo "verify.sh needs the Salesforce CLI: npm install --global @salesforce/cli" >&2
    exit 2
fi

hub_args=()
if [ $# -gt 0 ]; then hub_args=(--target-dev-hub "$1"); fi
alias="qwil-verify-$(date +%Y%m%d%H%M%S)"
created=0

delete_org() {
    if [ "$created" -eq 1 ]; then
        echo "== Deleting scratch org $alias"
        sf org delete scratch --target-org "$alias" --no-prompt || echo "Could not delete scratch org $alias: delete it with sf org delete scratch --target-org $alias" >&2
    fi
}
trap delete_org EXIT

echo "== Building and checking the deploy output (.build/deploy)"
npm run --silent check:metadata

echo "== Creating scratch org $alias"
created=1
sf org create scratch --definition-file config/project-scratch-def.json --alias "$alias" --duration-days 1 --wait 30 \
    ${hub_args[@]+"${hub_args[@]}"}

echo "== Deploying the package"
(cd .build/deploy && sf project deploy start --source-dir force-app --target-org "$alias" --wait 30)

echo "== Assigning the Qwil_Messenger_User permission set"
sf org assign permset --name Qwil_Messenger_User --target-org "$alias"

echo "== Running the Apex tests with code coverage"
sf apex run test --target-org "$alias" --test-level RunLocalTests --code-coverage --result-format human --wait 30
