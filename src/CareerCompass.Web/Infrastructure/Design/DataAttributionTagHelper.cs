using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CareerCompass.Web.Infrastructure.Design;

/// <summary>
/// <c>&lt;onet-attribution /&gt;</c> and <c>&lt;bls-attribution /&gt;</c>: the credit each source's licence asks for
/// (see the READMEs under shared/data), under every page that shows its figures. Fixed text, so a tag helper writes
/// it rather than a partial view looked up and rendered on each request.
/// </summary>
[HtmlTargetElement(OnetTag, TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement(BlsTag, TagStructure = TagStructure.WithoutEndTag)]
public sealed class DataAttributionTagHelper : TagHelper
{
    private const string OnetTag = "onet-attribution";
    private const string BlsTag = "bls-attribution";

    private const string Onet =
        """
        This site incorporates information from the <a href="https://www.onetcenter.org/database.html">O*NET 29.3 Database</a> by the
            U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the
            <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a> license. O*NET&reg; is a trademark of USDOL/ETA.
            CareerCompass has modified all or some of this information. USDOL/ETA has not approved, endorsed, or tested these modifications.
            <a href="/AboutData">About the data</a>.
        """;

    private const string Bls =
        """
        Wage data: U.S. Bureau of Labor Statistics, <a href="https://www.bls.gov/oes/">Occupational Employment and Wage Statistics</a>, May 2024.
            Job outlook: U.S. Bureau of Labor Statistics, <a href="https://www.bls.gov/emp/">Employment Projections</a>, 2024–34.
            CareerCompass has reshaped these data; BLS has not reviewed or endorsed this use.
        """;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var onet = context.TagName == OnetTag;
        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", onet ? "small text-body-secondary mt-4 onet-attribution" : "small text-body-secondary mt-2 bls-attribution");
        output.Content.SetHtmlContent(onet ? Onet : Bls);
    }
}
