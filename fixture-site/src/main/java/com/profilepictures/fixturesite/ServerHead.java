package com.profilepictures.fixturesite;

import java.util.Locale;

/**
 * What X's server writes about an account into a page's {@code <head>}, shaped as X writes it: a JSON-LD
 * {@code ProfilePage} block (the handle in {@code mainEntity.additionalName}, the picture in
 * {@code image.contentUrl}) and Open Graph tags (content before property). The pages for crawlers and the heads of
 * the app's pages for browsers both take it from here, so that every source reads the same markup.
 */
final class ServerHead {

    private ServerHead() {}

    /**
     * A head as X's server renders it into the app a browser receives: a site-wide WebSite block, then, with
     * {@code jsonLd}, a ProfilePage block whose picture is {@code picture}, and with an {@code ogImage}, the Open
     * Graph tags.
     */
    static String of(String handle, String picture, boolean jsonLd, String ogImage) {
        return "<script type=\"application/ld+json\">{\"@context\":\"http://schema.org\","
                + "\"@type\":\"WebSite\",\"name\":\"X\",\"url\":\"https://x.com\"}</script>\n"
                + (jsonLd ? profileBlock(handle, picture) : "")
                + (ogImage == null ? "" : openGraph(handle, ogImage));
    }

    /** X's ProfilePage block for {@code handle}, whose picture is {@code picture}. */
    static String profileBlock(String handle, String picture) {
        return "<script type=\"application/ld+json\">{\"@context\":\"http://schema.org\",\"@type\":\"ProfilePage\","
                + "\"dateCreated\":\"2006-03-21T20:50:14.000Z\",\"mainEntity\":{\"@type\":\"Person\","
                + "\"additionalName\":\"" + handle
                + "\",\"description\":\"A fixture account for the scraper's tests.\","
                + "\"givenName\":\"" + handle + " the Tester\",\"identifier\":\""
                + AccountPictures.accountIdOf(handle.toLowerCase(Locale.ROOT)) + "\","
                + "\"image\":{\"@type\":\"ImageObject\",\"contentUrl\":\"" + picture + "\",\"thumbnailUrl\":\""
                + picture.replace("_400x400", "_normal") + "\"},"
                + "\"name\":\"" + handle + " the Tester\",\"url\":\"https://x.com/" + handle + "\"}}</script>\n";
    }

    /** X's Open Graph tags for {@code handle}'s profile, {@code image} as its picture. */
    static String openGraph(String handle, String image) {
        return "<meta content=\"profile\" property=\"og:type\">\n"
                + "<meta content=\"https://x.com/" + handle + "\" property=\"og:url\">\n"
                + "<meta content=\"" + handle + " the Tester (@" + handle + ") on X\" property=\"og:title\">\n"
                + "<meta content=\"" + image + "\" property=\"og:image\">\n";
    }
}
