package com.profilepictures.domain.scrape;

import com.profilepictures.domain.picture.Handle;
import com.profilepictures.domain.picture.InvalidHandleException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@code <head>} X's server renders into a page says about whose profile the page is: its JSON-LD
 * {@code ProfilePage} blocks and its Open Graph {@code og:url} and {@code og:image}, as the page wrote them.
 * {@link #readFor} is the one rule every source reads a head by.
 *
 * @param page     where the page was read; a relative {@code og:url} or picture is resolved against it
 * @param profiles the {@code ProfilePage} blocks, in document order
 * @param ogUrl    the first non-empty {@code og:url}
 * @param ogImage  the first non-empty {@code og:image}
 */
public record PageHead(URI page, List<ProfileBlock> profiles, Optional<String> ogUrl, Optional<String> ogImage) {

    /** One {@code ProfilePage} block: the account it names ({@code mainEntity.additionalName}) and its picture. */
    public record ProfileBlock(Optional<String> account, Optional<String> picture) {
        public ProfileBlock {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(picture, "picture");
        }
    }

    /** What a head says about the account asked. */
    public sealed interface Reading {

        /**
         * The page is {@code account}'s profile (spelt as the head spells it), and the head names nobody else;
         * {@code picture} is the one it shows for the account, absolute where it could be resolved.
         */
        record Vouches(Handle account, Optional<String> picture) implements Reading {
            public Vouches {
                Objects.requireNonNull(account, "account");
                Objects.requireNonNull(picture, "picture");
            }
        }

        /** The head names other accounts than the one asked (that one too, perhaps): never the asked one's page. */
        record NamesOthers(List<Handle> others) implements Reading {
            public NamesOthers {
                others = List.copyOf(others);
                if (others.isEmpty()) {
                    throw new IllegalArgumentException("NamesOthers names at least one account.");
                }
            }
        }

        /**
         * The head names no account. {@code image} is its {@code og:image} while it has no {@code og:url} (an
         * {@code og:url} naming another page takes its image with it): whose picture that is, only a source with
         * other evidence of whose page this is can tell.
         */
        record NamesNobody(Optional<String> image) implements Reading {
            public NamesNobody {
                Objects.requireNonNull(image, "image");
            }
        }
    }

    public PageHead {
        Objects.requireNonNull(page, "page");
        profiles = List.copyOf(profiles);
        Objects.requireNonNull(ogUrl, "ogUrl");
        Objects.requireNonNull(ogImage, "ogImage");
    }

    /**
     * What this head says about {@code asked}. A {@code ProfilePage} block names the account in its
     * {@code additionalName}; {@code og:url} names one only when it is a profile's address on {@link XSite X's
     * site}. The head vouches for {@code asked} when it names that account and no other, with the naming block's
     * picture, else its {@code og:image}. An {@code og:url} naming any other page (a post, a photo, another site's
     * page) vouches for nobody, and its {@code og:image} is that page's, so never the account's picture.
     */
    public Reading readFor(Handle asked, XSite site) {
        List<Handle> named = new ArrayList<>();
        Optional<ProfileBlock> vouching = Optional.empty();
        Optional<Handle> blockAccount = Optional.empty();
        for (ProfileBlock block : profiles) {
            Optional<Handle> account = block.account().flatMap(PageHead::handleIn);
            account.ifPresent(named::add);
            if (vouching.isEmpty() && account.filter(asked::sameAccountAs).isPresent()) {
                vouching = Optional.of(block);
                blockAccount = account;
            }
        }
        Optional<Handle> ogAccount = ogUrl.flatMap(this::resolved).flatMap(site::profileAt);
        ogAccount.ifPresent(named::add);

        List<Handle> others = new ArrayList<>();
        for (Handle account : named) {
            if (!account.sameAccountAs(asked) && others.stream().noneMatch(account::sameAccountAs)) {
                others.add(account);
            }
        }
        if (!others.isEmpty()) {
            return new Reading.NamesOthers(others);
        }
        Optional<String> pageImage =
                ogUrl.isPresent() && ogAccount.isEmpty() ? Optional.empty() : ogImage.map(this::resolvedText);
        if (named.isEmpty()) {
            return new Reading.NamesNobody(pageImage);
        }
        Handle account = blockAccount.or(() -> ogAccount).orElseThrow();
        Optional<String> picture =
                vouching.flatMap(ProfileBlock::picture).map(this::resolvedText).or(() -> pageImage);
        return new Reading.Vouches(account, picture);
    }

    private static Optional<Handle> handleIn(String additionalName) {
        String name = additionalName.trim();
        name = name.startsWith("@") ? name.substring(1) : name;
        try {
            return Optional.of(Handle.of(name));
        } catch (InvalidHandleException e) {
            return Optional.empty(); // not a handle: the block names no account we could store
        }
    }

    private Optional<URI> resolved(String written) {
        try {
            return Optional.of(page.resolve(new URI(written.trim())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code written} made absolute against the page when it is a URL, else as written, for the caller to judge. */
    private String resolvedText(String written) {
        return resolved(written).map(URI::toString).orElse(written.trim());
    }
}
