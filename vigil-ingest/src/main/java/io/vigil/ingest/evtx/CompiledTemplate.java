package io.vigil.ingest.evtx;

/**
 * A template definition turned into a node tree, reusable for every instance in its chunk (and, through
 * the {@link TemplateLibrary}, in later chunks), with the {@link AssemblyPlan} of each role it is used in.
 */
final class CompiledTemplate {

    private final BinXmlNode[] roots;
    /**
     * Built on first use; a template stays with the thread that compiled it, and a plan is immutable,
     * so even a racy second build would only repeat work.
     */
    private final AssemblyPlan.Step[][] plans = new AssemblyPlan.Step[AssemblyPlan.ROLES][];

    CompiledTemplate(BinXmlNode[] roots) {
        this.roots = roots;
    }

    BinXmlNode[] roots() {
        return roots;
    }

    AssemblyPlan.Step[] plan(int role) {
        AssemblyPlan.Step[] plan = plans[role];
        if (plan == null) {
            plan = plans[role] = AssemblyPlan.of(roots, role);
        }
        return plan;
    }
}
